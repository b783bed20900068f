"""Number cards: a big figure as printed with its words beside it, one row each, no axis.

For figures that must not share a scale (different units or definitions) or that have no counts to draw (a
printed rise with nothing behind it): each row states what the number is, in whose words, and nothing is implied
by position or length. Rows stack at both published widths, so a phone shows the same thing as the web.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.publish import encode, style

NUMBER_SIZE = 22.0


@dataclass(frozen=True)
class Card:
    number: str  # as printed, e.g. "more than 1,200"
    heading: str  # what it counts
    detail: str  # unit, definition, who said it and when (smaller type)
    colour: str = style.DARK_BLUE
    qualifier: str = "exact"
    unit: str = ""


def draw_cards(fig: Any, ax: Any, cards: Sequence[Card], width: float, *, between: str = "") -> None:
    """Stack the cards down the plot area (sized to fit) with an optional line of text between them. A card's
    words are cut to `style.MAX_CARD_WORDS` (its detail ends '…'; the full text is in the notes and the data) and
    the cut is recorded on the figure (`cut_cards`), so a test holds the published charts to the limit while a
    long subject in new data never stops the build."""
    cards = [_within_limit(fig, card) for card in cards]
    ax.set_axis_off()
    line = style.LINE_SPACING * style.LINE_BOX_EM / 72  # inches per point of type, per line
    x0 = style.MARGIN_IN / width
    full_in = width - 2 * style.MARGIN_IN
    number_beside = width > 5  # web: number left, words right; mobile: number above its words
    number_w = 0.33 if number_beside else 0.0
    text_in = full_in * (1 - number_w) - 0.1
    top = 0.0
    for i, card in enumerate(cards):
        number_lines = style.wrap(fig, card.number, NUMBER_SIZE, full_in * (number_w or 1) - 0.1, weight="bold")
        ax.text(x0, top, "\n".join(number_lines), ha="left", va="top", fontsize=NUMBER_SIZE, fontweight="bold",
                color=card.colour, linespacing=1.1)
        number_h = len(number_lines) * NUMBER_SIZE * line * 0.9
        text_top = top if number_beside else top + number_h + 0.02
        heading = style.wrap(fig, card.heading, style.LABEL_SIZE, text_in)
        ax.text(x0 + number_w, text_top, "\n".join(heading), ha="left", va="top", fontsize=style.LABEL_SIZE,
                color=style.TEXT, fontweight="bold", linespacing=style.LINE_SPACING)
        heading_h = len(heading) * style.LABEL_SIZE * line
        detail = style.wrap(fig, card.detail, style.SMALL_SIZE, text_in)
        ax.text(x0 + number_w, text_top + heading_h + 0.03, "\n".join(detail), ha="left", va="top",
                fontsize=style.SMALL_SIZE, color=style.SECONDARY_TEXT, linespacing=style.LINE_SPACING)
        words_h = (text_top - top) + heading_h + 0.03 + len(detail) * style.SMALL_SIZE * line
        top += max(words_h, number_h if number_beside else 0) + 0.22
        encode.marks(fig).append(encode.Mark(card.number, card.qualifier, "text", card.unit))
        if between and i < len(cards) - 1:
            lines = style.wrap(fig, between, style.LABEL_SIZE, full_in, weight="bold")
            ax.text(x0, top - 0.04, "\n".join(lines), ha="left", va="top", fontsize=style.LABEL_SIZE,
                    color=style.DARK_GREY, fontweight="bold", linespacing=style.LINE_SPACING)
            top += len(lines) * style.LABEL_SIZE * line + 0.18
    ax.set_xlim(0, 1)
    ax.set_ylim(max(top, 0.5), 0)  # y in inches from the top of the plot area
    fig.set_size_inches(width, max(top, 0.5))


def cut_cards(fig: Any) -> list[str]:
    """The numbers of the cards whose words were cut to the limit on this figure."""
    if not hasattr(fig, "_cse_cut_cards"):
        fig._cse_cut_cards = []
    return fig._cse_cut_cards


def _within_limit(fig: Any, card: Card) -> Card:
    heading_words = style.word_count(card.heading)
    room = style.MAX_CARD_WORDS - heading_words
    if heading_words + style.word_count(card.detail) <= style.MAX_CARD_WORDS:
        return card
    cut_cards(fig).append(card.number)
    from dataclasses import replace

    return replace(card, detail=" ".join(card.detail.split()[:max(room, 0)]) + "…")
