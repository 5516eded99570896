"""Charts as SVG strings, drawn on the server: stacked bars of counts per period and series.

Pure functions of the numbers; every label is escaped. The page embeds the SVG, so no chart
script is loaded from anywhere.
"""
from __future__ import annotations

from html import escape

PALETTE = ["#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e",
           "#9498a0"]


def stacked_bars(rows: list[tuple[str, str, int]], width: int = 900, height: int = 260, max_series: int = 8) -> str:
    """`rows`: (period, series, count). Periods along x in order; the `max_series` largest series
    get a colour each, the rest are summed as "other"."""
    if not rows:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img"><title>no data</title></svg>'
    totals: dict[str, int] = {}
    for _p, s, n in rows:
        totals[s] = totals.get(s, 0) + n
    top = [s for s, _n in sorted(totals.items(), key=lambda x: -x[1])[:max_series]]
    periods = sorted({p for p, _s, _n in rows})
    grid: dict[str, dict[str, int]] = {p: {} for p in periods}
    for p, s, n in rows:
        key = s if s in top else "other"
        grid[p][key] = grid[p].get(key, 0) + n
    series = top + (["other"] if any("other" in v for v in grid.values()) else [])
    peak = max(sum(v.values()) for v in grid.values()) or 1
    left, bottom, top_pad = 40, 40, 10
    plot_w, plot_h = width - left - 10, height - bottom - top_pad - 20 * ((len(series) + 3) // 4)
    bar_w = max(1.0, plot_w / len(periods))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img">',
             f'<text x="4" y="{top_pad + 10}" font-size="11">{peak}</text>',
             f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{width - 10}" y2="{top_pad + plot_h}" stroke="#999"/>']
    for i, p in enumerate(periods):
        y = top_pad + plot_h
        for j, s in enumerate(series):
            n = grid[p].get(s, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect x="{left + i * bar_w:.1f}" y="{y:.1f}" width="{max(bar_w - 1, 0.5):.1f}" '
                         f'height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}"><title>{escape(p)} · {escape(s)}: {n}'
                         '</title></rect>')
    step = max(1, len(periods) // 12)
    for i in range(0, len(periods), step):
        parts.append(f'<text x="{left + i * bar_w:.1f}" y="{top_pad + plot_h + 14}" font-size="10">'
                     f'{escape(periods[i])}</text>')
    for j, s in enumerate(series):
        x, y = left + (j % 4) * 210, top_pad + plot_h + 30 + 18 * (j // 4)
        parts.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
                     f'<text x="{x + 14}" y="{y}" font-size="11">{escape(s[:30])}</text>')
    parts.append("</svg>")
    return "".join(parts)
