"""`progress --chart`: score and key figures over takes, one line per question (matplotlib,
an optional extra: pip install 'rehearse-coach[chart]')"""

from __future__ import annotations

from pathlib import Path

from rehearse import install_hint
from rehearse.analysis.length import LONG_ABOVE_S, TARGET_S, TOO_SHORT_BELOW_S
from rehearse.errors import RehearseError
from rehearse.history.figures import BY_COLUMN, TRENDS

SUFFIXES = (".png", ".svg")


def write_chart(per_question: list[dict], path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        raise RehearseError(f"--chart writes .png or .svg files, not {path.suffix or 'a file without a suffix'}: {path}")
    try:
        import matplotlib
    except ImportError as exc:
        raise RehearseError(f"charts need matplotlib: {install_hint('chart')}") from exc
    matplotlib.use("Agg")  # files only, no window, works without a display
    matplotlib.rcParams["svg.fonttype"] = "none"  # SVG text stays text: selectable, readable by a screen reader
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    fig, axes = plt.subplots(2, 2, figsize=(11, 7), sharex=True)
    for ax, figure in zip(axes.flat, TRENDS):
        label = f"{BY_COLUMN[figure].name} ({BY_COLUMN[figure].unit})"
        for entry in per_question:
            values = entry["series"][figure]
            xs = list(range(1, len(values) + 1))
            ax.plot(xs, values, marker="o", label=entry["question_id"] or "no question")
            if figure == "score" and entry["best_take_id"] is not None:
                best = entry["take_ids"].index(entry["best_take_id"])
                ax.scatter([best + 1], [values[best]], marker="*", s=220, color=ax.lines[-1].get_color(), zorder=3)
        ax.set_title(label, fontsize=11)
        ax.grid(alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    score_ax, length_ax, i_ax, metric_ax = axes.flat
    score_ax.set_ylim(0, 105)
    score_ax.set_title("Score (0-100); ★ best take", fontsize=11)
    band = length_ax.axhspan(TOO_SHORT_BELOW_S, LONG_ABOVE_S, color="green", alpha=0.08, label="1-2 minutes (good)")
    aim = length_ax.axhline(TARGET_S, color="green", linestyle="--", linewidth=1, label="aim: 90 s")
    # A little below zero, so points at 0 ("we" only, no metrics) are not cut in half.
    i_ax.set_ylim(-0.05, 1.05)
    metric_ax.set_ylim(bottom=-0.3)
    metric_ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    for ax in axes[1]:
        ax.set_xlabel("take of the question")
    # One legend for the questions, outside the panels; the Length panel's own key names
    # only its band and aim line (not the questions again).
    handles, labels = score_ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="center right", title="question")
    length_ax.legend(handles=[band, aim], loc="upper left", fontsize=8)
    fig.suptitle("rehearse: progress over takes", fontsize=13)
    fig.tight_layout(rect=(0, 0, 0.9, 0.95))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=110)
    except OSError as exc:
        raise RehearseError(f"cannot write the chart to {path} ({exc.strerror or exc}); choose another file") from exc
    finally:
        plt.close(fig)
