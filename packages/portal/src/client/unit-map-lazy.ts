/** Profile pages: load Leaflet and draw the unit map only when it scrolls into view (keeps profile pages light). */
function visible(el: Element, fn: () => void): void {
  if (!("IntersectionObserver" in window)) return fn();
  const io = new IntersectionObserver((es) => { if (es.some((e) => e.isIntersecting)) { io.disconnect(); fn(); } }, { rootMargin: "200px" });
  io.observe(el);
}
for (const el of document.querySelectorAll<HTMLElement>(".unit-map")) {
  visible(el, () => void import("./unit-map.js").then((m) => m.drawUnitMap(el, el.dataset.lang === "EN" ? "/en" : "")));
}
