"""An official quoted at the head of a sentence: 甲市委书记张三表示，…

Newspaper reports give much of what bodies do as what their officials say:
``开封市委常委、副市长张三介绍，开封将与郑州共建…``, ``某局有关负责人表示，下一步将…``.
The head (the speaker, their titles and the body the titles name) states no relation;
what follows it does, and where a clause after it names no actor, the actor is the
speaker's body (read for the person, ``origin: speaker``, so ``basis: inferred``).

A pure function of the context's text, words and one sentence's mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._records import EntityType
from ._context import _SIDES, _Context
from ._proposals import _Mention

T = EntityType

__all__ = ["Speaker", "in_head", "speaker"]

#: The verb of speaking after the speaker, then the pause that opens what they say.
_SPEECH = re.compile(
    r"(?:也|还|则|更|在[^，,。；;：:]{1,16}?时)?"
    r"(?:表示|说|介绍|指出|透露|强调|坦言|认为|谈到|告诉记者|对记者说|向记者介绍)[，,：:]"
)
#: A person's title ending the head where the report gives no name (有关负责人表示).
_TITLE_END = re.compile(r"(?:书记|长|主任|负责人|经理|主席|总裁|董事长|委员|代表|专家)$")
#: What a head may not hold: a pause or a verb of acting (it would be a clause).
_NOT_HEAD = re.compile(r"[，,。；;：:]|签|合作|共建|建设|投资|举行|出席|参加|会见")
#: Marks a sentence may open with before the speaker (the end of a quote before it).
_OPENING = '”“"」『』 '
#: Longest head read as a speaker's titles and name.
_HEAD_SPAN = 40
#: A city's, county's or province's committee or government in a title: the place acts
#: as its government (开封市委书记 speaks for 开封).
_GOVERNS = re.compile(r"(?:市|县|区|省|州|盟|旗)?(?:委|政府|人民政府)")


@dataclass(frozen=True)
class Speaker:
    """The head of a sentence that quotes an official."""

    #: where the head starts and where what the speaker says starts
    start: int
    end: int
    #: the speaker's body read for the person (``origin: speaker``), if the head names one
    body: _Mention | None


def speaker(ctx: _Context, mentions: list[_Mention], s_start: int, s_end: int) -> Speaker | None:
    """The speaker's head of the sentence ``text[s_start:s_end]``, if it opens with one.

    Only the sentence's first clause is looked at, so the work is bounded.
    """
    text = ctx.text
    start = s_start
    while start < s_end and text[start] in _OPENING:
        start += 1
    limit = min(s_end, start + _HEAD_SPAN + 12)
    said = _SPEECH.search(text, start, limit)
    if said is None or said.start() - start > _HEAD_SPAN or said.start() - start < 2:
        return None
    head_end = said.start()
    if _NOT_HEAD.search(text, start, head_end):
        return None
    words = ctx.words_in(start, head_end)
    named = bool(words) and words[-1].tag == "PER" and words[-1].end == head_end
    if not named and not _TITLE_END.search(text, start, head_end):
        return None
    if named and len(words) == 1:
        return None  # 张三表示: a person alone, no body named
    bodies = [
        m
        for m in mentions
        if start <= m.start and m.end <= head_end and (m.type in _SIDES or m.type is T.PLACE)
    ]
    body = None
    if bodies:
        first = min(m.start for m in bodies)  # the fullest name there (甲大学某学院)
        b = max((m for m in bodies if m.start == first), key=lambda m: m.end)
        rtype = b.type
        if b.type is T.PLACE and _GOVERNS.match(text, b.end):
            rtype = T.GOVERNMENT_BODY
        # written on the pause that opens the speech: the words between it and a party
        # named later are the speech's own (表示，将与乙合作: 将与)
        pause = said.end() - 1
        body = _Mention(pause, said.end(), b.name, rtype, 0.6, b.match, "speaker")
        body.attributes["_said"] = text[start:head_end]
    return Speaker(start, said.end(), body)


def in_head(sp: Speaker | None, m: _Mention) -> bool:
    """Whether a mention lies in the speaker's head (their titles' body)."""
    return sp is not None and sp.start <= m.start < sp.end
