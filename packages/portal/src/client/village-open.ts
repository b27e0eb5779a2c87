/**
 * Village sections on a commune page are collapsed (a commune can have dozens; a phone would scroll for minutes).
 * Why this script: a link to `#v-<village>` (search, maps, "units within", pinned permalinks) must open that section.
 */
function openTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const section = id.startsWith("v-") ? document.getElementById(id) : null;
  const details = section?.querySelector("details");
  if (details && !details.open) { details.open = true; section!.scrollIntoView(); }
}
openTarget();
addEventListener("hashchange", openTarget);
