/* Minh Bạch embed loader (served as /embed.js, ~1 kB). Why: news sites paste one iframe (or a plain link) and this
   script sizes the iframe to its content via postMessage, and turns <a class="minhbach-embed"> links into iframes.
   No cookies, no tracking, no other requests. Without JavaScript the iframe keeps its height and the link stays a link. */
(function () {
  if (window.__minhbachEmbed) return;
  window.__minhbachEmbed = true;
  var script = document.currentScript;
  var origin = script ? new URL(script.src, location.href).origin : "";
  function upgrade() {
    var links = document.querySelectorAll("a.minhbach-embed[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var f = document.createElement("iframe");
      f.src = a.href;
      f.title = a.textContent || "Minh Bạch";
      f.width = "100%";
      f.height = a.getAttribute("data-height") || "260";
      f.loading = "lazy";
      f.setAttribute("data-minhbach-embed", "");
      f.style.cssText = "border:0;max-width:" + (a.getAttribute("data-max-width") || "560px");
      a.parentNode.replaceChild(f, a);
    }
  }
  window.addEventListener("message", function (e) {
    if (!e.data || e.data.type !== "minhbach:height" || (origin && e.origin !== origin)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        // An oEmbed consumer's maxheight (data-max-height) is a hard limit: the widget scrolls inside beyond it.
        var cap = Number(frames[i].getAttribute("data-max-height")) || 4000;
        var h = Math.min(cap, Math.max(60, Math.min(4000, Number(e.data.height) || 0)));
        frames[i].style.height = h + "px";
        frames[i].setAttribute("height", String(h));
      }
    }
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", upgrade);
  else upgrade();
})();
