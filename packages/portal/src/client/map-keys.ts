/**
 * Keyboard and screen-reader access to the units drawn on a map. Why: the canvas renderer draws shapes that are not DOM
 * elements, so every drawn unit also gets a real link (its name and rate as the accessible name) in a list right after
 * the map. Tab reaches each unit; focusing a link outlines its shape, opens its tooltip and brings it into view; Enter
 * follows the link to the profile. A skip link before the map jumps past the list to the data table.
 */
import L from "leaflet";

export interface MapKey {
  code: string;
  /** Accessible name, e.g. "Lục Bình: 8,9 %". */
  label: string;
  href: string;
  layer: L.Layer;
}

export interface MapKeyOptions {
  /** Name of the list for screen readers, e.g. "Các đơn vị trên bản đồ". */
  listLabel: string;
  /** Skip link text and target (the data table alternative); no skip link when absent. */
  skip?: { text: string; href: string };
  /** Open links in another browsing context (the embed widget opens profiles in a new tab). */
  target?: string;
  /** Bring a layer onto the map when it is hidden inside a cluster. */
  reveal?: (layer: L.Layer, done: () => void) => void;
}

const FOCUS_STYLE: L.PathOptions = { color: "#f0a000", weight: 4, dashArray: undefined };

function centre(layer: L.Layer): L.LatLng | null {
  if ("getLatLng" in layer) return (layer as L.Marker).getLatLng();
  if ("getBounds" in layer) return (layer as L.Polygon).getBounds().getCenter();
  return null;
}

function highlight(map: L.Map, layer: L.Layer): () => void {
  const path = layer instanceof L.Path ? layer : null;
  const saved = path ? { ...path.options } : null;
  if (path) { path.setStyle(FOCUS_STYLE); path.bringToFront(); }
  const at = centre(layer);
  if (at && !map.getBounds().pad(-0.1).contains(at)) map.panTo(at, { animate: false });
  layer.openTooltip();
  return () => {
    if (path && saved) path.setStyle({ color: saved.color, weight: saved.weight, dashArray: saved.dashArray });
    layer.closeTooltip();
  };
}

/** (Re)build the key list after `mapEl` for the given units; returns the list element. */
export function mapKeys(map: L.Map, mapEl: HTMLElement, keys: MapKey[], opts: MapKeyOptions): HTMLUListElement {
  if (opts.skip && !mapEl.previousElementSibling?.classList.contains("map-skip")) {
    const skip = document.createElement("a");
    skip.className = "map-skip";
    skip.href = opts.skip.href;
    skip.textContent = opts.skip.text;
    mapEl.before(skip);
  }
  let list = mapEl.nextElementSibling as HTMLUListElement | null;
  if (!list?.classList.contains("map-keys")) {
    list = document.createElement("ul");
    list.className = "map-keys";
    mapEl.after(list);
  }
  list.setAttribute("aria-label", opts.listLabel);
  // A redraw (zoom band, year) rebuilds the list; a keyboard user focused on a unit must stay on it.
  const active = document.activeElement as HTMLElement | null;
  const focusedCode = active && list.contains(active) ? active.dataset.code : undefined;
  list.replaceChildren(...keys.map((k) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = k.href;
    a.textContent = k.label;
    a.dataset.code = k.code;
    if (opts.target) { a.target = opts.target; a.rel = "noopener"; }
    let undo: (() => void) | null = null;
    a.addEventListener("focus", () => {
      const show = () => { undo = highlight(map, k.layer); };
      if (opts.reveal && !map.hasLayer(k.layer)) opts.reveal(k.layer, show); else show();
    });
    a.addEventListener("blur", () => { undo?.(); undo = null; });
    li.append(a);
    return li;
  }));
  if (focusedCode) list.querySelector<HTMLAnchorElement>(`a[data-code="${CSS.escape(focusedCode)}"]`)?.focus();
  return list;
}
