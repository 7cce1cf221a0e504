"""Cross-document resolution at scale: 200,000 then 1,000,000 generated mentions, one run.

    python bench/resolve.py [--small 200000] [--large 1000000] [--seed 7] [--rounds 3] [--check]

Mentions are document entities named after people and organisations drawn from
a pool, each spelt with transliteration noise (al-/Al/el-, e/i, ou/u, doubled
letters, hyphens), with context features (the other actors of its article)
drawn from its actor's circle. Both sizes are generated the same way (a tenth
as many actors as mentions, so names collide the way common names do), and
only ``resolve`` is timed. The ratio large/small must stay at most 6 (5 is
linear): each round times the small set then the large one, back to back, and
the figure is the median of the rounds' ratios (at least three), so that it
holds from run to run on a shared machine; each round starts cold (``names.clear_caches``),
with no earlier round's result alive. The ratio in CPU time is printed beside it: on a
shared machine the wall clock also counts the neighbours. Absolute times depend on the machine.

Also prints how well the generated identities were recovered (pairwise
precision and recall over mentions sharing a cluster), to show the speed is not
bought by giving up on matching. With ``--check``, each size's first result is also
printed as two digests: of the mapping itself (record -> representative) and of the
partition (which records share a cluster, whatever its representative), so that a change
meant to keep the clusters can be shown to keep them.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from interlock import names  # noqa: E402
from interlock.resolve.cluster import resolve  # noqa: E402
from interlock.resolve.records import Record  # noqa: E402

GIVEN = """Ahmad Mohammed Ali Hassan Hussein Hadi Haider Qasim Jawad Nabil Faris Mahmoud Mustafa Abbas
Karim Salim Yusuf Ibrahim Khalid Omar Tariq Ziad Rami Samir Adel Majid Faisal Hamid Jamal Walid Nasser
Saad Sami Bilal Anwar Osama Amir Hamza Idris Jaafar Kamal Latif Munir Nizar Rashid Sabri Talal Wael
Yasin Zaid Laila Salma Huda Lina Nadia Rania Samira Dalia Amal Hanan Zainab Mariam Noor Fatima Aisha""".split()
FAMILY = """Asadi Amiri Khazraji Sahlawi Qaysi Nuaimi Haddad Ubaidi Fahdawi Hashimi Sayyadi Jubouri Dulaimi
Maliki Sadr Hakim Abadi Mahdi Kubaisi Zubaidi Tamimi Shammari Saadi Rubaie Obeidi Janabi Mashhadani
Samarrai Tikriti Hilli Najafi Basri Mosuli Kurdi Barzani Talabani Hamdani Karbalai Khafaji Musawi
Husseini Rikabi Lami Daraji Fayyadh Muhandis Khazali Bayati Azzawi Ani Hadithi Rawi Duri Jaburi
Hamdan Farhan Salman Sultan Ghanem Harbi Otaibi Mutairi Qahtani Shahri Zahrani Ghamdi Anazi""".split()
# more family names, made of syllables, so that distinct names grow with the corpus as in news
_ONSETS = "Kh Z Sh J D T R M N B H F Q S Gh L W Y K Dh".split()
_VOWELS = "a i u aa ee ou".split()
_CODAS = "di ri mi bi zi ni si li wi hi ji ki".split()
FAMILY = FAMILY + [o + v + o2.lower() + v2 + c for o in _ONSETS for v in _VOWELS[:3] for o2 in _ONSETS[::3]
                   for v2 in _VOWELS[:2] for c in _CODAS[::2]]
ORG_WORDS = """Popular Mobilization National Renewal Civic Dawn Victory Reform Wisdom Conquest Loyalty Unity
Justice Peace Progress Sovereignty Dignity Resistance Liberation Future Homeland Brotherhood""".split()
ORG_HEADS = ["Alliance", "Movement", "Party", "Front", "Brigades", "Organization", "Coalition", "Council"]


def noisy(name: str, rng: random.Random) -> str:
    """One spelling of a name, as some outlet might write it."""
    out = name
    for old, new, p in ((" al-", " Al ", 0.3), (" al-", " el-", 0.1), ("i", "e", 0.15), ("ou", "u", 0.3),
                        ("ss", "s", 0.3), ("-", " ", 0.1), ("q", "k", 0.1), ("dh", "z", 0.2), ("ee", "i", 0.2)):
        if old in out and rng.random() < p:
            out = out.replace(old, new, 1)
    if rng.random() < 0.1 and len(out) > 6:
        i = rng.randrange(2, len(out) - 2)
        if out[i].isalpha():
            out = out[:i] + out[i] + out[i:]  # a doubled letter
    return out


def generate(n: int, seed: int) -> tuple[list[Record], dict[str, int]]:
    """``n`` mentions of ``n // 10`` actors; returns the records and each record's true actor."""
    rng = random.Random(seed)
    actors = max(10, n // 10)
    people = int(actors * 0.8)
    names: list[tuple[str, str]] = []
    for a in range(actors):
        if a < people:
            names.append(("PERSON", f"{rng.choice(GIVEN)} al-{rng.choice(FAMILY)}"))
        else:
            place = rng.choice(FAMILY).removesuffix("i") + "a"  # an invented place or founder name
            names.append(("ORG", f"{rng.choice(ORG_WORDS)} {place} {rng.choice(ORG_HEADS)}"))
    # each actor moves in a circle of a few others: its articles mention them
    circles = [[rng.randrange(actors) for _ in range(4)] for _ in range(actors)]
    documents = max(1, n // 8)
    records: list[Record] = []
    truth: dict[str, int] = {}
    for i in range(n):
        a = rng.randrange(actors)
        label, name = names[a]
        context = frozenset(f"{names[c][0]}:{names[c][1].lower()}" for c in rng.sample(circles[a], 2))
        rid = f"m{i}"
        records.append(Record(rid, f"d{(a * 7 + rng.randrange(3)) % documents}", label,
                              (noisy(name, rng),), context))
        truth[rid] = a
    return records, truth


def quality(records: list[Record], out: dict[str, str], truth: dict[str, int], sample: int = 20000) -> tuple[float, float]:
    """Pairwise precision and recall on a sample of mentions (pairs within the sample)."""
    picked = records[:sample]
    by_cluster: dict[str, list[int]] = defaultdict(list)
    by_truth: dict[int, list[str]] = defaultdict(list)
    for r in picked:
        by_cluster[out[r.id]].append(truth[r.id])
        by_truth[truth[r.id]].append(out[r.id])
    same_pred = sum(k * (k - 1) // 2 for k in (len(v) for v in by_cluster.values()))
    correct = sum(sum(c * (c - 1) // 2 for c in Counter(v).values()) for v in by_cluster.values())
    same_true = sum(k * (k - 1) // 2 for k in (len(v) for v in by_truth.values()))
    return (correct / same_pred if same_pred else 1.0), (correct / same_true if same_true else 1.0)


def timed(records: list[Record]) -> tuple[float, float, dict[str, str]]:
    """One cold resolution of ``records``: seconds (wall clock, then CPU) and the clusters."""
    names.clear_caches()  # each round starts cold, as a new run would
    started, cpu = time.perf_counter(), time.process_time()
    out = resolve(records)
    return time.perf_counter() - started, time.process_time() - cpu, out


def summary(records: list[Record], out: dict[str, str], truth: dict[str, int]) -> tuple[int, float, float]:
    """How many actors ``out`` makes, and its pairwise precision and recall."""
    return len(set(out.values())), *quality(records, out, truth)


def digests(out: dict[str, str]) -> tuple[str, str]:
    """Short digests of a result: the mapping as it is, and the partition it makes."""
    mapping = hashlib.sha256("\n".join(f"{k}\t{v}" for k, v in sorted(out.items())).encode()).hexdigest()
    clusters: dict[str, list[str]] = defaultdict(list)
    for k, v in out.items():
        clusters[v].append(k)
    partition = hashlib.sha256("\n".join(sorted(" ".join(sorted(c)) for c in clusters.values())).encode()).hexdigest()
    return mapping[:16], partition[:16]


def describe(n: int, seconds: list[float], found: tuple[int, float, float], truth: dict[str, int]) -> None:
    actors, precision, recall = found
    print(f"{n:>9,} mentions: median {statistics.median(seconds):7.1f} s "
          f"({', '.join(f'{s:.1f}' for s in seconds)}), {actors:,} actors "
          f"(true {len(set(truth.values())):,}); pairwise precision {precision:.3f}, recall {recall:.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=200_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of small then large (at least 3)")
    parser.add_argument("--check", action="store_true",
                        help="print digests of the first round's mappings and partitions (not timed)")
    args = parser.parse_args()
    rounds = max(3, args.rounds)
    small, small_truth = generate(args.small, args.seed)
    large, large_truth = generate(args.large, args.seed)
    small_times, large_times, ratios, cpu_ratios = [], [], [], []
    # each run's clusters are summed up and let go before the next run is timed, so that no run
    # works beside an earlier one's million-entry result
    for k in range(rounds):
        s_time, s_cpu, out = timed(small)
        small_found = summary(small, out, small_truth)
        if args.check and k == 0:
            print(f"check {args.small}: mapping %s, partition %s" % digests(out), flush=True)
        del out
        l_time, l_cpu, out = timed(large)
        large_found = summary(large, out, large_truth)
        if args.check and k == 0:
            print(f"check {args.large}: mapping %s, partition %s" % digests(out), flush=True)
        del out
        small_times.append(s_time)
        large_times.append(l_time)
        ratios.append(l_time / s_time)
        cpu_ratios.append(l_cpu / s_cpu)
        print(f"round {k + 1}: {s_time:.1f} s and {l_time:.1f} s, ratio {l_time / s_time:.2f} "
              f"(CPU {s_cpu:.1f} s and {l_cpu:.1f} s, ratio {l_cpu / s_cpu:.2f}; load {os.getloadavg()[0]:.1f})",
              flush=True)
    describe(args.small, small_times, small_found, small_truth)
    describe(args.large, large_times, large_found, large_truth)
    ratio = statistics.median(ratios)
    print(f"ratio large/small = {ratio:.2f} (median of {rounds} rounds: {', '.join(f'{r:.2f}' for r in ratios)}) "
          f"for {args.large / args.small:.0f}x the mentions (limit 6); in CPU time "
          f"{statistics.median(cpu_ratios):.2f}")
    sys.exit(0 if ratio <= 6 else 1)


if __name__ == "__main__":
    main()
