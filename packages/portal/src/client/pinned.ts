/** Profile pages opened with ?release=<id> (a pinned citation): show that release's poverty rates beside the latest. */
const box = document.getElementById("pinned");
const wanted = new URLSearchParams(location.search).get("release");
if (box && wanted && wanted !== box.dataset.release) {
  void fetch(`/data/unit/${encodeURIComponent(box.dataset.code ?? "")}.json`).then((r) => r.json()).then((u: { history: Record<string, [number, number | null, string][]> }) => {
    const en = box.dataset.lang === "EN";
    const rows = u.history[wanted];
    const head = en ? `This link is pinned to release ${wanted}; this page shows the latest release ${box.dataset.release}.`
      : `Đường dẫn này gắn với bản công bố ${wanted}; trang này hiển thị bản mới nhất ${box.dataset.release}.`;
    const fmt = (v: number | null, s: string) => (s === "S" ? (en ? "hidden" : "ẩn") : v === null ? "–" : en ? `${v.toFixed(1)}%` : `${v.toFixed(1).replace(".", ",")} %`);
    box.textContent = rows ? `${head} ${en ? "Poverty rate in" : "Tỷ lệ hộ nghèo theo bản"} ${wanted}: ${rows.map(([y, v, s]) => `${y}: ${fmt(v, s)}`).join("; ")}.`
      : `${head} ${en ? "This unit is not in that release." : "Đơn vị này không có trong bản đó."}`;
    box.hidden = false;
  });
}
