/** Embed builder: pick unit, widget, size and language; shows the snippet and a live preview iframe. */
const form = document.getElementById("builder") as HTMLFormElement;
const out = document.getElementById("snippet") as HTMLTextAreaElement;
const preview = document.getElementById("preview") as HTMLIFrameElement;
const copy = document.getElementById("copy") as HTMLButtonElement;
const siteOrigin = form.dataset.origin || location.origin;
const initial = new URLSearchParams(location.search).get("unit");
const unitSel = form.elements.namedItem("unit") as HTMLSelectElement;
if (initial && [...unitSel.options].some((o) => o.value === initial)) unitSel.value = initial;

function update(): void {
  const data = new FormData(form);
  const code = String(data.get("unit"));
  const widget = String(data.get("widget"));
  const lang = String(data.get("lang"));
  const width = String(data.get("width"));
  const src = `${siteOrigin}/embed/unit/${encodeURIComponent(code)}/${widget}/${lang === "en" ? "?lang=en" : ""}`;
  const height = widget === "map" ? 420 : 260;
  const name = unitSel.selectedOptions[0]?.text ?? code;
  out.value = `<iframe src="${src}" title="Minh Bạch: ${name}" width="${width}" height="${height}" style="border:0;max-width:100%" loading="lazy" data-minhbach-embed></iframe><script async src="${siteOrigin}/embed.js"></script>`;
  preview.src = src.replace(siteOrigin, "");
  preview.width = width;
  preview.height = String(height);
  preview.title = `${form.dataset.preview}: ${name}`;
}
form.addEventListener("change", update);
copy.addEventListener("click", () => { out.select(); void navigator.clipboard?.writeText(out.value); });
window.addEventListener("message", (e) => {
  if (e.source === preview.contentWindow && e.data?.type === "minhbach:height") preview.style.height = `${Number(e.data.height)}px`;
});
update();
