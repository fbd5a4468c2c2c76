"""Small displays of the framework's own guidance, shared by the light pages.

The pages (maturity, placement, roadmap, overview, hiring, matrix) add these with one line
each, so the framework's content reaches the room without the pages growing: a stage's
purpose, signals and exit signals; the framework-level principles; advice the hiring checks
cannot test; and the provenance mark that tells a facilitation aid from the framework.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workshop.framework.model import AID_LABEL, ChecklistItem, Framework, Stage
from workshop.ui.pages.common import named, plain_label


def criterion_label(item: ChecklistItem) -> str:
    """A checklist item's text, marked when it is a facilitation aid, not the framework."""
    return f"{item.text}  ({AID_LABEL.lower()})" if item.provenance.is_aid else item.text


def stage_guidance_text(stage: Stage) -> str:
    """A stage's purpose, what suggests you are there, and what says you can move on."""
    lines = [f"{stage.name}: {stage.purpose}", "", "You are probably here when:"]
    lines += [f"•  {signal}" for signal in stage.signals]
    lines += ["", "Ready to move on when:"]
    lines += [f"•  {signal}" for signal in stage.exit_signals]
    return "\n".join(lines)


def stage_guidance(stage: Stage, object_name: str = "stage_guidance") -> QLabel:
    """A label with the stage's purpose, signals and exit signals (public: the room sees it)."""
    return named(plain_label(stage_guidance_text(stage)), object_name, f"About {stage.name}")


def principles_text(framework: Framework) -> str:
    """The framework-level principles, one paragraph each."""
    return "\n\n".join(f"{p.title}. {p.text}" for p in framework.principles if not p.retired)


def principles_box(framework: Framework, object_name: str = "principles_box") -> QWidget:
    """The principles under a heading, for the overview page."""
    box = QWidget()
    box.setObjectName(object_name)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    head = named(
        plain_label("Principles that run through the framework"), "principles_title", "Principles"
    )
    font = head.font()
    font.setBold(True)
    head.setFont(font)
    layout.addWidget(head)
    layout.addWidget(
        named(plain_label(principles_text(framework)), "principles_text", "Principles")
    )
    return box


def advice_only_rules_text(framework: Framework, checked: frozenset[str]) -> str:
    """Hiring advice the plan's data cannot test (communicators, the cross-functional brief)."""
    return "\n".join(
        f"•  {r.title}: {r.reason}"
        for r in framework.hiring_rules
        if not r.retired and r.id not in checked
    )


class StageGuidance(QLabel):
    """A stage's purpose, signals and exit signals; ``show_stage`` follows a changing stage."""

    def __init__(self, stage: Stage | None = None, object_name: str = "stage_guidance") -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.show_stage(stage)

    def show_stage(self, stage: Stage | None) -> None:
        self.setText(stage_guidance_text(stage) if stage is not None else "")
        self.setAccessibleName(f"About {stage.name}" if stage is not None else "About the stage")
        self.setVisible(stage is not None)


def stage_of(framework: Framework, stage_id: str) -> Stage | None:
    return next((s for s in framework.stages if s.id == stage_id), None)


class LastAnswer(QLabel):
    """What the last workshop answered to a wrap-up question (shown again at a follow-up)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("last_answer_label")
        self.setWordWrap(True)
        self.setVisible(False)

    def show_answer(self, text: str) -> None:
        self.setText(f"At the last workshop: {text}" if text.strip() else "")
        self.setVisible(bool(text.strip()))


def advice_only_rules(framework: Framework, checked: frozenset[str]) -> QLabel:
    """The hiring advice no check can test, under a heading line (communicators, briefing)."""
    text = advice_only_rules_text(framework, checked)
    label = named(
        plain_label(f"Also from the framework:\n{text}" if text else ""),
        "advice_only_rules",
        "Hiring advice to discuss",
    )
    label.setVisible(bool(text))
    return label
