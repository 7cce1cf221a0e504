"""Name normalisation and matching for people and organisations in news text: a low-level module
(text in, text or numbers out) that extraction, the store, queries, resolution, credibility and
evaluation all use, and that imports nothing of Interlock.

News spells the same name many ways: transliterated Arabic and Persian names
("Abd al-Aziz al-Nuristani" / "Abdul Aziz Nooristani"), reordered names,
dropped titles and particles, initials, missing middle names, company
designators ("Ltd" / "Limited") and acronyms ("PMU"). ``score`` compares two
names in [0, 1]; ``name_key`` gives a coarse phonetic key for blocking.

The comparison aligns tokens one-to-one and separates two kinds of
difference: an *omission* (one side has extra tokens, e.g. a middle name or
a designator) costs little, while a *conflict* (both sides have a token the
other lacks, e.g. two different family names) costs a lot.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

#: the score at or above which two names are taken to be the same (tuned on names-dev)
MATCH_THRESHOLD = 0.85

#: titles and honorifics that carry no identity; dropped
HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president pres premier minister
    sheikh shaikh sheik shaykh monsieur madame mme herr frau senor senora sayyid sayed sayyed
    mullah mulla maulana maulvi haji hajji hadji hajj haj hajja hajjah qari general gen col colonel lt major maj capt
    captain king queen prince princess emir amir imam ayatollah hon rev the mv""".split()
)
#: name particles: kept, but weigh little when aligning
PARTICLES = frozenset(
    """al el ul ud ad ar as ash at az ed bin ibn bint ben bn de da di du del della der den van
    von le la dos das y e of and und et na""".split()
    + ["بن", "ابن", "بنت", "ال"]
)
#: organisation designators, mapped to one canonical form each
DESIGNATORS: dict[str, str] = {
    "ltd": "ltd", "limited": "ltd", "llc": "llc", "inc": "co", "incorporated": "co",
    "spzoo": "llc",
    # generic company words are one class: news mixes them freely ("Corp." / "Company")
    "corp": "co", "corporation": "co", "co": "co", "company": "co", "cos": "co",
    "ag": "ag", "aktiengesellschaft": "ag", "akg": "ag", "gmbh": "gmbh", "plc": "plc",
    "sa": "sa", "nv": "nv", "bv": "bv", "ab": "ab", "as": "as", "oy": "oy", "spa": "spa",
    "srl": "srl", "sarl": "sarl", "pty": "pty", "lp": "lp", "llp": "llp", "se": "se",
    "kg": "kg", "jsc": "jsc", "ojsc": "jsc", "oao": "jsc", "pjsc": "jsc", "cjsc": "jsc",
    "zao": "jsc", "ooo": "llc", "group": "group", "holding": "holding", "holdings": "holding",
    "party": "party", "alliance": "alliance", "coalition": "alliance", "movement": "movement", "front": "front",
    "intl": "international", "int": "international", "international": "international",
    "organisation": "organization", "organization": "organization", "bhd": "bhd",
    "sdn": "sdn", "pte": "pte", "kk": "kk", "sl": "sl", "sas": "sas", "cv": "cv",
}
#: multi-word designators, rewritten to one token before tokenising
_PHRASES = [
    (r"\bpublic limited company\b", "plc"),
    (r"\b(?:open |closed |public )?joint[ -]stock compan\w*", "jsc"),
    (r"\blimited liability company\b", "llc"),
    (r"\bsp(?:olka)?\.? ?z\.? ?o\.? ?o\.?", "spzoo"),
    (r"\bsocietatea cu raspundere limitata\b", "srl"),
    (r"\bs\.? ?a\.? de c\.? ?v\.?", "sa"),
    (r"\babd(?:u|e|a)?l?[- ]?(?:a|e|u)l[- ]", "abd "),
]
_NUMBERS = {
    "one": "1", "first": "1", "1st": "1", "two": "2", "second": "2", "2nd": "2",
    "three": "3", "third": "3", "3rd": "3", "four": "4", "fourth": "4", "4th": "4",
    "five": "5", "fifth": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20", "thirty": "30",
    "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90",
}
# Cyrillic and Greek to Latin, so that a name in either script meets its Latin form
_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ү": "u", "ө": "o",
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
    "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r",
    "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
})
_APOSTROPHES = "'`´ʿʾʻʼ’‘′"
_STOP_FOR_ACRONYM = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "et"})
_WEAK_WEIGHT = 0.3
#: below this similarity a matched pair of full words counts partly as a conflict
_WEAK_MATCH = 0.8
#: the factor per omitted word for organisations and for people
ORG_OMISSION = 0.8
PERSON_OMISSION = 0.96


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a normalised name: its folded text, phonetic skeleton and weight."""

    text: str
    skeleton: str
    weight: float
    #: True for a one-letter token that stands for a given name
    initial: bool = False
    #: True for an organisation designator ("ltd", "ag", "party")
    designator: bool = False


def fold(text: str) -> str:
    """Lowercase ASCII-ish text: accents, apostrophes and Cyrillic/Greek folded away."""
    text = unicodedata.normalize("NFKC", text)
    # split glued words ("SergeiLavrov") before lowercasing loses the cue
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)
    text = text.lower().translate(_TRANSLIT)
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    text = re.sub(f"[{_APOSTROPHES}]", "", text)
    # leetspeak digits inside words ("Ig0r Sech1n")
    text = re.sub(r"(?<=[a-z])0|0(?=[a-z])", "o", text)
    text = re.sub(r"(?<=[a-z])1(?=[a-z])", "i", text)
    text = text.replace("&", " and ")
    # dotted initialisms ("A.B.C.", "p.l.c.") become one word
    text = re.sub(
        r"\b(?:[a-z]\.){2,}(?:[a-z]\b\.?)?",
        lambda m: m.group(0).replace(".", "") + " ",
        text,
    )
    for pattern, repl in _PHRASES:
        text = re.sub(pattern, repl, text)
    return text


@lru_cache(maxsize=1 << 18)
def skeleton(word: str) -> str:
    """A phonetic skeleton of one folded word: transliteration variants collapse."""
    w = word
    for a, b in (
        ("ough", "u"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ph", "f"), ("kh", "h"),
        ("gh", "k"), ("q", "k"), ("g", "k"), ("ck", "k"), ("c", "k"), ("dh", "z"), ("th", "z"),
        ("zh", "j"), ("dj", "j"), ("w", "v"), ("x", "ks"), ("y", "i"), ("e", "i"), ("o", "u"),
    ):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)
    if len(w) > 3:
        w = re.sub(r"ah$", "a", w)
        w = re.sub(r"(?<=[^aiu])h(?=[^aiu]|$)", "", w)
    return w


def tokens(name: str) -> list[str]:
    """The folded tokens of a name, honorifics dropped, designators canonical."""
    return [t.text for t in _tokens(name)]


@lru_cache(maxsize=1 << 20)
def _tokens(name: str) -> tuple[Token, ...]:
    words = [w for w in re.split(r"[^\w]+|_", fold(name)) if w]
    words = [_NUMBERS.get(w, w) for w in words]
    # compound numbers written out ("forty four" -> 44)
    merged: list[str] = []
    for w in words:
        if merged and merged[-1].isdigit() and merged[-1].endswith("0") and len(w) == 1 and w.isdigit():
            merged[-1] = str(int(merged[-1]) + int(w))
        else:
            merged.append(w)
    out: list[Token] = []
    for w in merged:
        if w in HONORIFICS and len(merged) > 1:
            continue
        canon = _designator(w)
        if canon:
            out.append(Token(canon, canon, _WEAK_WEIGHT, designator=True))
        elif len(w) in (2, 3) and w.isalpha() and not re.search("[aeiouy]", w) and len(merged) > 1:
            # a vowelless short word in a personal name is a run of initials ("JC")
            out.extend(Token(c, c, 1.0, initial=True) for c in w)
        elif w in PARTICLES:
            out.append(Token(w, skeleton(w), _WEAK_WEIGHT))
        else:
            out.append(Token(w, skeleton(w), 1.0, initial=len(w) == 1 and w.isalpha()))
    if not out and merged:
        out = [Token(w, skeleton(w), 1.0) for w in merged]
    return tuple(out)


_LONG_DESIGNATORS = [w for w in DESIGNATORS if len(w) >= 7]


def _designator(word: str) -> str | None:
    """The canonical designator for a word, tolerating typos in long ones."""
    if word in DESIGNATORS:
        return DESIGNATORS[word]
    if len(word) >= 6:
        for long_ in _LONG_DESIGNATORS:
            if Levenshtein.normalized_similarity(word, long_) >= 0.85:
                return DESIGNATORS[long_]
    return None


def _designator_factor(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> float:
    """A penalty when both names carry designators and they disagree (AG vs GmbH)."""
    da = {t.text for t in ta if t.designator}
    db = {t.text for t in tb if t.designator}
    return 0.85 if da and db and not da & db else 1.0


def name_key(name: str) -> str:
    """A coarse phonetic key for blocking: the sorted skeletons of the main tokens."""
    toks = _tokens(name)
    strong = [t.skeleton for t in toks if t.weight == 1.0 and not t.initial]
    return " ".join(sorted(strong or [t.skeleton for t in toks]))


_VOWELS = re.compile(r"[aiuh]")


def blocking_keys(name: str, kind: str | None = None) -> list[str]:
    """Keys under which a name is filed so that its variants meet without comparing all pairs.

    Every variant of a name shares at least one key with the others: the sorted
    skeletons (word order), the skeletons run together (a hyphen or space more or
    less: "Gholam-Hossein" / "Gholamhossein"), the consonants alone (vowels
    transliterate freely: "Fatah" / "Fatih"), the family name with the given
    name's first two sounds, and for organisations the initials (an acronym meets its long form).
    """
    toks = _tokens(name)
    strong = [t for t in toks if t.weight == 1.0 and not t.initial]
    if not strong:
        return []
    # for filing only, the sibilants are one class too: "th" / "s" / "z" / "dh" ("Uthman" / "Usman")
    skels = [t.skeleton.replace("z", "s") for t in strong]
    run = "".join(skels)
    keys = ["k:" + " ".join(sorted(skels)), "c:" + run]
    # the consonants, with the designators' classes: "Fatah Alliance" / "Al Fatih coalition"
    consonants = _VOWELS.sub("", run)
    designators = " ".join(sorted({t.text for t in toks if t.designator}))
    # (people: the family key below already files "Ahmad" / "Ahmed al-Asadi" together, and
    # consonant keys of common names would fill up with namesakes)
    if kind != "person" and (len(consonants) >= 3 or (designators and len(consonants) >= 2)):
        keys.append("v:" + consonants + (" " + designators if designators else ""))
    if kind == "person" and len(strong) >= 2:
        keys.append("f:" + skels[-1] + " " + skels[0][:2])
    if kind != "person":
        words = [t.text for t in toks if t.text not in _STOP_FOR_ACRONYM and not t.designator and t.weight == 1.0]
        if len(words) >= 2:
            keys.append("a:" + "".join(w[0] for w in words))
            keys.append("a:" + "".join(t.text[0] for t in toks if t.text not in _STOP_FOR_ACRONYM and t.weight == 1.0))
        elif len(words) == 1 and len(words[0]) <= 6 and name.strip().isupper():
            keys.append("a:" + words[0])
    return list(dict.fromkeys(keys))


_osa = OSA.normalized_similarity


def _token_sim(a: Token, b: Token) -> float:
    if a.text == b.text:
        return 1.0
    if a.initial or b.initial:
        full = b if a.initial else a
        init = a if a.initial else b
        return 0.9 if full.text.startswith(init.text) and not full.initial else 0.0
    # OSA counts a swap of two letters ("Donlad") as one edit
    plain = _osa(a.text, b.text)
    phon = 0.97 * _osa(a.skeleton, b.skeleton)
    sim = plain if plain >= phon else phon
    # a word that is a prefix of the other ("faberlic" / "faberlick") is close
    if sim < 0.85:
        short, long_ = (a.text, b.text) if len(a.text) <= len(b.text) else (b.text, a.text)
        if len(short) >= 4 and long_.startswith(short):
            sim = 0.85
    return sim


def _acronym(short: tuple[Token, ...], long_: tuple[Token, ...]) -> float:
    """1.0 when a one-word name is the initials of the other name."""
    if len(short) != 1 or len(long_) < 2:
        return 0.0
    word = short[0].text
    if not 3 <= len(word) <= 8 or not word.isalpha():
        return 0.0
    words = [t.text for t in long_ if t.text not in _STOP_FOR_ACRONYM]
    for tail in range(len(words), 1, -1):
        # allow trailing designators to be left out of the acronym ("PMU Ltd")
        if "".join(w[0] for w in words[:tail]) == word:
            return 1.0 if tail == len(words) else 0.9
    return 0.0


def _word_pairs(ta: tuple[Token, ...], tb: tuple[Token, ...]) -> list[tuple[float, int, int]]:
    """The pairs of words similar enough to be aligned, (similarity, i, j), in the order of two
    nested loops over ``ta`` then ``tb``.

    Only equal words are similar at 1, and the alignment takes pairs best first, so a word found
    once on each side is aligned with its equal whatever else is similar to it: when no word comes
    twice on either side, such a word is not compared with the other side's other words, pairs
    that the alignment would skip. (A namesake differs by a word or two: most words of a pair of
    names in one block are equal.) The alignment is the same, pair for pair and in the same order.
    """
    pairs: list[tuple[float, int, int]] = []
    texts_b = {y.text: j for j, y in enumerate(tb)}
    if len(texts_b) < len(tb) or len({x.text for x in ta}) < len(ta):
        # a word twice on one side: every pair compared, as it may align either way
        for i, x in enumerate(ta):
            for j, y in enumerate(tb):
                s = _token_sim(x, y)
                if s >= 0.5:
                    pairs.append((s, i, j))
        return pairs
    aligned = {texts_b[x.text] for x in ta if x.text in texts_b}
    rest_b = [(j, y) for j, y in enumerate(tb) if j not in aligned] if aligned else list(enumerate(tb))
    for i, x in enumerate(ta):
        j_equal = texts_b.get(x.text)
        if j_equal is not None:
            pairs.append((1.0, i, j_equal))
            continue
        for j, y in rest_b:
            s = _token_sim(x, y)
            if s >= 0.5:
                pairs.append((s, i, j))
    return pairs


def _best_first(pair: tuple[float, int, int]) -> tuple[float, int]:
    """The order in which the alignment takes pairs: most similar first, then nearest in place."""
    return -pair[0], abs(pair[1] - pair[2])


def _align(ta: tuple[Token, ...], tb: tuple[Token, ...], kind: str | None = None) -> float:
    """Score two token lists: matched similarity, with conflicts and omissions costed."""
    pairs = _word_pairs(ta, tb)
    if len(pairs) > 1:
        pairs.sort(key=_best_first)
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched = 0.0
    matched_w = 0.0
    strong_pairs = 0
    initial_pairs = 0
    for s, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        w = (ta[i].weight + tb[j].weight) / 2
        matched += w * s
        matched_w += w
        if w == 1.0 and s < _WEAK_MATCH:
            # two full words a letter apart in four ("Qawa" / "Kasa") are more likely two
            # names than one spelt twice: the difference weighs as a partial conflict
            matched_w += (_WEAK_MATCH - s) * 2
        if w == 1.0:
            strong_pairs += 1
            initial_pairs += ta[i].initial or tb[j].initial
    un_a = sum(t.weight for i, t in enumerate(ta) if i not in used_a)
    un_b = sum(t.weight for j, t in enumerate(tb) if j not in used_b)
    if not strong_pairs:
        return 0.0
    conflict = min(un_a, un_b)
    omission = abs(un_a - un_b)
    base = matched / (matched_w + 1.5 * conflict)
    # an extra word in an organisation's name usually names another body
    # (a subsidiary, a branch); an extra word in a person's name is a middle name
    is_org = kind == "org" if kind else any(t.designator for t in ta + tb)
    base *= (ORG_OMISSION if is_org else PERSON_OMISSION) ** omission
    base *= _designator_factor(ta, tb)
    if initial_pairs == strong_pairs:
        # initials alone never identify anyone
        base = min(base, 0.5)
    return base


def score(a: str, b: str, kind: str | None = None) -> float:
    """How likely two names denote the same person or organisation, in [0, 1].

    ``kind`` is "person" or "org" when known; without it a name with a company
    designator is taken for an organisation. It matters for extra words:
    "Biden" may well be "Joe Biden", but "Hezbollah" is not "Kataib Hezbollah".
    """
    # a fixed order makes the score symmetric whatever the tie-breaking inside
    if b < a:
        a, b = b, a
    return score_tokens(_tokens(a), _tokens(b), kind)


def name_tokens(name: str) -> tuple[Token, ...]:
    """The tokens ``score`` compares for a name (normalised once per name, then cached)."""
    return _tokens(name)


def score_tokens(ta: tuple[Token, ...], tb: tuple[Token, ...], kind: str | None = None) -> float:
    """``score`` of two names by their ``name_tokens``, ``ta`` those of the name first in string
    order (a caller that holds the tokens of many names saves two look-ups a pair)."""
    if not ta or not tb:
        return 0.0
    if len(ta) == len(tb) and [t.text for t in ta] == [t.text for t in tb]:
        return 1.0
    best = _align(ta, tb, kind)
    # (the acronym, gluing and kunya readings are tried only where they can apply: most pairs
    # are two names of as many words, neither of them one word or led by a kunya)
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) == 1:
        best = max(best, 0.95 * _acronym(short, long_))
    # names glued together or split apart ("PolPot", "van der bilt")
    if len(ta) != len(tb):
        ja = "".join(t.text for t in ta if not t.designator)
        jb = "".join(t.text for t in tb if not t.designator)
        if ja and jb:
            glued = Levenshtein.normalized_similarity(ja, jb)
            if glued >= 0.9:
                best = max(best, glued * _designator_factor(ta, tb))
    # a kunya before the family name ("Abu Tariq al-Sayyadi") stands where a given name
    # would ("Qasim al-Sayyadi"): compare without it, a little below a full match
    if kind != "org" and (ta[0].text in _KUNYA or tb[0].text in _KUNYA):
        for x, y in ((ta, tb), (tb, ta)):
            rest = _without_kunya(x)
            if rest is not None:
                best = max(best, 0.9 * _align(rest, y, "person"))
    return max(0.0, min(1.0, best))


#: the words that open a kunya ("Abu Tariq", "Umm Hussein")
_KUNYA = frozenset({"abu", "umm", "abou", "bu"})


def _without_kunya(toks: tuple[Token, ...]) -> tuple[Token, ...] | None:
    """The name without a leading "Abu X" / "Umm X", when a family name follows it."""
    if len(toks) >= 3 and toks[0].text in _KUNYA and any(t.weight == 1.0 for t in toks[2:]):
        return toks[2:]
    return None


def same(a: str, b: str, kind: str | None = None, threshold: float = MATCH_THRESHOLD) -> bool:
    """Whether two names match at the shipped threshold."""
    return score(a, b, kind) >= threshold


def clear_caches() -> None:
    """Forget the names and words normalised so far (a benchmark's cold start)."""
    _tokens.cache_clear()
    skeleton.cache_clear()
