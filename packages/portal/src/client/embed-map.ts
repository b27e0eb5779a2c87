/**
 * Map widget: reports its height to the host page, and swaps the static SVG for Leaflet once the widget is visible.
 * The page's inline script has already applied ?lang (data-lang/data-words on #m), so links and labels follow it.
 */
const el = document.getElementById("m") as HTMLElement;
const report = () => { if (parent !== window) parent.postMessage({ type: "minhbach:height", height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, "*"); };
report();
addEventListener("load", report);
const io = "IntersectionObserver" in window
  ? new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) { io?.disconnect(); void load(); } })
  : null;
async function load(): Promise<void> {
  const m = await import("./unit-map.js");
  await m.drawUnitMap(el, location.origin + (el.dataset.lang === "EN" ? "/en" : ""), "_blank");
  report();
}
if (io) io.observe(el); else void load();
