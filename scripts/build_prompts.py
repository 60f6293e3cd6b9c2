"""Build prompts/ from the behavioral interview guide.

Usage: python -m scripts.build_prompts [GUIDE]   (default: ../shared/guide/behavioral-interview-guide.md)

Writes prompts/questions.json (the 25 questions with id, category and text) and
prompts/guide.json (the guide's STAR definitions and the tips that feedback quotes).
Every quoted tip is looked up in the guide, so feedback never misquotes it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GUIDE = ROOT.parent / "shared" / "guide" / "behavioral-interview-guide.md"

# Which guide sentence each check teaches. Each value must occur in the guide verbatim
# (after its Markdown bold markers are removed); the build fails otherwise.
CHECK_TIPS = {
    "length": "Keep responses 1-3 minutes (aim for 90 seconds)",
    "star": "Structure with STAR but keep it conversational, not robotic",
    "i_vs_we": 'Use "I" not "we": interviewers want to know YOUR specific actions',
    "metrics": "Use specific metrics and data when possible",
    "relevance": "Listen carefully to the question: ask for clarification if needed",
}
# The example answer's parts, as the guide heads them; the key takeaway is the lesson the
# guide asks for in the Result.
EXAMPLE_PARTS = {"Situation": "situation", "Task": "task", "Action": "action", "Result": "result",
                 "Key Takeaway": "result"}


def _section(lines: list[str], heading: str) -> list[str]:
    """Lines under a Markdown heading, up to the next heading of the same or higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    out, inside = [], False
    for line in lines:
        if line.strip() == heading:
            inside = True
            continue
        if inside and line.startswith("#"):
            this_level = len(line) - len(line.lstrip("#"))
            if this_level <= level:
                break
        if inside:
            out.append(line)
    return out


def _plain(text: str) -> str:
    return text.replace("**", "").strip()


def _examples(lines: list[str], question_ids: list[str]) -> dict[str, list[dict]]:
    """Each question's example answer, part by part: {"Q4": [{"part", "kind", "lines"}]}."""
    examples = {}
    for question_id in question_ids:
        heading = next(line for line in lines if line.startswith(f"### {question_id}: "))
        parts: list[dict] = []
        for line in _section(lines, heading):
            # "**Action** (Correcting Course):" heads a second Action part.
            m = re.match(r"^\*\*(Situation|Task|Action|Result|Key Takeaway)\*\*\s*(\([^)]*\))?:\s*(.*)$", line.strip())
            if m:
                kind = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
                parts.append({"part": EXAMPLE_PARTS[m.group(1)], "kind": kind, "lines": []})
                if m.group(3).strip():
                    parts[-1]["lines"].append(_plain(m.group(3)))
            elif parts and line.strip().startswith("- "):
                parts[-1]["lines"].append(_plain(line.strip()[2:]))
        order = [p["part"] for p in parts if p["kind"] != "Key Takeaway"]
        if [part for i, part in enumerate(order) if i == 0 or order[i - 1] != part] != ["situation", "task", "action", "result"]:
            raise SystemExit(f"{question_id}: the example answer's parts are not S, T, A, R: {[p['kind'] for p in parts]}")
        examples[question_id] = parts
    return examples


def parse_guide(markdown: str) -> tuple[list[dict], dict]:
    lines = markdown.splitlines()
    questions, category = [], None
    for line in lines:
        if line.startswith("## "):
            category = line[3:].strip()
        m = re.match(r"^### (Q\d+): (.+)$", line)
        if m:
            questions.append({"id": m.group(1), "category": category, "text": m.group(2).strip()})

    star = {}
    for line in _section(lines, "## Understanding the STAR Method"):
        m = re.match(r"^- \*\*(Situation|Task|Action|Result)\*\*: (.+)$", line)
        if m:
            star[m.group(1).lower()] = m.group(2).strip()

    tips = [_plain(l[2:]) for l in _section(lines, "### Tips for STAR Responses") if l.startswith("- ")]
    during = [
        _plain(re.sub(r"^\d+\.\s*", "", l))
        for l in _section(lines, "### During the Interview")
        if re.match(r"^\d+\.", l)
    ]
    plain_guide = _plain(markdown).replace("—", ": ")
    check_tips = {}
    for check_id, tip in CHECK_TIPS.items():
        if tip not in plain_guide:
            raise SystemExit(f"tip for {check_id!r} is not in the guide: {tip!r}")
        check_tips[check_id] = tip
    guide = {
        "star": star,
        "tips": tips,
        "during_the_interview": during,
        "check_tips": check_tips,
        "examples": _examples(lines, [q["id"] for q in questions]),
    }
    return questions, guide


def main(argv: list[str]) -> int:
    guide_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_GUIDE
    questions, guide = parse_guide(guide_path.read_text(encoding="utf-8"))
    if [q["id"] for q in questions] != [f"Q{i}" for i in range(1, 26)]:
        raise SystemExit(f"expected Q1..Q25 in the guide, found {[q['id'] for q in questions]}")
    if set(guide["star"]) != {"situation", "task", "action", "result"}:
        raise SystemExit(f"STAR definitions not found, got {sorted(guide['star'])}")
    out = ROOT / "prompts"
    out.mkdir(exist_ok=True)
    source = {"source": "behavioral-interview-guide.md"}
    (out / "questions.json").write_text(
        json.dumps({**source, "questions": questions}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "guide.json").write_text(json.dumps({**source, **guide}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(questions)} questions and {len(guide['tips'])} tips to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
