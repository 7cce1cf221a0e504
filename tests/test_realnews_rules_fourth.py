"""Extraction rules of the fourth real-news pass, each checked on sentences of our own.

The texts are our fiction about real countries and invented people and groups. Each
test pins one rule: ties between organisations (strikes, killings, removals asked for,
"pro-", chairs of blocs, bodies in a possessive, outlets), the status and body of a post
(retirements, "formerly", parliament speakers, central banks), names that must stay
apart, and the week a meeting told without a date is given.
"""

from __future__ import annotations

from typing import Any

from interlock.extract.api import extract_record
from tests.helpers import read_news as read
from tests.helpers import statement_facts as facts


def ties(doc: dict[str, Any]) -> set[tuple[Any, Any, Any]]:
    return {(f[0], f[1], f[2]) for f in facts(doc)}


# -- names that stay apart ------------------------------------------------------------

def test_a_group_named_by_a_surname_is_not_the_person_of_that_surname() -> None:
    doc = read("The Iran-backed Houthi group named a cabinet on Monday. Abdul-Malik al-Houthi, the Houthi "
               "leader, praised it. The Houthi-controlled agency reported the vote.")
    found = ties(doc)
    assert ("Houthi", "backed_by", "Iran") in found
    assert ("Abdul-Malik al-Houthi", "backed_by", "Iran") not in found


def test_a_group_word_is_not_merged_into_a_longer_name_it_begins() -> None:
    doc = read("The Kelani group rejected the offer. The Kelani Supreme Council met in Garissa on Friday. "
               "The Kelani-run radio Sauti ran the statement.")
    council = next(e for e in doc["entities"] if e["name"] == "Kelani Supreme Council")
    assert all(m["text"] != "Kelani" for m in council["mentions"])


def test_an_article_before_a_single_name_is_no_person() -> None:
    doc = read("The Mwangaza reputedly swung its weight behind Peter Mwangi in the 2019 election.")
    assert ("Peter Mwangi", "backed_by", "Mwangaza") in ties(doc) or not [
        e for e in doc["entities"] if e["name"] == "The Mwangaza" and e["label"] == "PERSON"]


# -- ties -------------------------------------------------------------------------------

def test_a_strike_opposes_the_group_whose_people_it_killed() -> None:
    doc = read("Israel and the Kelani Front traded fire all week. An Israeli strike near the border killed a "
               "senior Kelani Front commander on Tuesday.")
    assert ("Israel", "opposes", "Kelani Front") in ties(doc)
    doc = read("Israel and the Kelani Front traded fire. Two ministers of the Kelani Front were killed in a "
               "night-time Israeli strike near Garissa.")
    assert ("Israel", "opposes", "Kelani Front") in ties(doc)


def test_strikes_carried_out_by_a_named_state() -> None:
    doc = read("Israel conducted a wave of assassinations targeting commanders of the Kelani Front and its "
               "northern ally the Sahel Movement.")
    found = ties(doc)
    assert ("Israel", "opposes", "Kelani Front") in found


def test_a_strike_on_a_place_opposes_nobody() -> None:
    doc = read("Israel and Kenya spoke on Monday. An Israeli strike on Nairobi killed two people.")
    assert not [t for t in ties(doc) if t[1] == "opposes"]


def test_forces_killing_a_group_s_members_oppose_it() -> None:
    doc = read("The United States said it was not at war. When American forces killed Kelani Front members "
               "in Somalia on May 3, officials said little.")
    assert ("United States", "opposes", "Kelani Front") in ties(doc)


def test_asking_for_someone_s_removal_opposes_them() -> None:
    doc = read("The Kenya Youth Movement called for the resignation of President Peter Mwangi.")
    assert ("Kenya Youth Movement", "opposes", "Peter Mwangi") in ties(doc)


def test_a_group_s_forces_stand_for_it_in_an_ousting() -> None:
    doc = read("The Kelani Front took Garissa in 2011, after its fighters ousted units loyal to the Coast "
               "Authority from the town.")
    assert ("Kelani Front", "opposes", "Coast Authority") in ties(doc)


def test_pro_before_a_name_sides_with_it() -> None:
    doc = read("Kenya, the resolutely pro-Ethiopia neighbour, said nothing.")
    assert ("Kenya", "ally_of", "Ethiopia") in ties(doc)


def test_a_state_chairing_a_bloc_leads_it_and_belongs_to_it() -> None:
    doc = read("Kenya takes over the rotating presidency of the East African Community this month.")
    found = ties(doc)
    assert ("Kenya", "leader_of", "East African Community") in found
    assert ("Kenya", "member_of", "East African Community") in found


def test_a_named_body_in_an_organisation_s_possessive_is_part_of_it() -> None:
    doc = read("Brussels asked the European Union's European Border Office (EBO) to draft a plan.")
    assert ("European Border Office", "part_of", "European Union") in ties(doc)


def test_part_of_a_country_s_front_is_part_of_the_front() -> None:
    doc = read("Kelani Brigades Is Part of Kenya’s KDF\n\nThe Kelani Brigades fight within the Kenya Defence "
               "Front (KDF).")
    found = ties(doc)
    assert ("Kelani Brigades", "part_of", "Kenya Defence Front") in found
    assert ("Kelani Brigades", "part_of", "Kenya") not in found


def test_outlets_named_beside_their_noun_are_organisations_close_to_a_group() -> None:
    doc = read("Speaking to the Mwangaza network, which is close to the KDF, Otieno said a deal was near.")
    assert ("Mwangaza", "affiliated_with", "KDF") in ties(doc)
    doc = read("The Kelani group named a council. The Kelani-run news agency Sauti ran the statement.")
    assert ("Sauti", "affiliated_with", "Kelani") in ties(doc)


def test_trained_by_a_state_is_backed_by_it() -> None:
    doc = read("Peter Mwangi led the US-trained Coast Rapid Unit until 2023.")
    assert ("Coast Rapid Unit", "backed_by", "US") in ties(doc)


def test_founding_by_setting_up_what_it_is_called() -> None:
    doc = read("In 1994 Mwangi, then a young lawyer, set up a charity called the Coast Literacy Trust.")
    assert ("Mwangi", "founded", "Coast Literacy Trust") in ties(doc)
    doc = read("In 2005 Peter Mwangi established the Kenya Youth Movement.")
    assert ("Peter Mwangi", "founded", "Kenya Youth Movement") in ties(doc)


def test_active_backing_and_weight_thrown_behind() -> None:
    doc = read("Iran backs the Kelani movement in Somalia.")
    assert ("Kelani", "backed_by", "Iran") in ties(doc)


def test_peoples_are_allies_and_the_islamic_state_is_a_group() -> None:
    doc = read("Otieno helped to build Britain's alliance with the Syrian Kurds during the war against the "
               "Islamic State.")
    found = ties(doc)
    assert ("Britain", "ally_of", "Syrian Kurds") in found
    assert ("Syrian Kurds", "opposes", "Islamic State") in found


def test_an_ally_noun_in_a_conjoined_or_fronted_apposition() -> None:
    doc = read("Kenya, the region's largest economy and a close US ally, voted on Monday.")
    assert ("Kenya", "ally_of", "US") in ties(doc)
    doc = read("Kenya's president John Otieno named a new cabinet. A teacher by trade and a close ally of "
               "Otieno, Amos Wekesa was formerly editor of the state radio.")
    assert ("Amos Wekesa", "ally_of", "John Otieno") in ties(doc)


def test_a_conjoined_copula_takes_the_first_verb_s_subject() -> None:
    doc = read("President John Otieno named Peter Mwangi as spy chief. Mwangi trained as an engineer and was "
               "one of the founders of KYM.")
    assert ("Peter Mwangi", "founded", "KYM") in ties(doc)


def test_a_relative_clause_belongs_to_the_name_just_before_it() -> None:
    doc = read("The vote split the Coast Party and the Kenya Union (KU) that was founded by John Otieno in "
               "1990.")
    found = ties(doc)
    assert ("John Otieno", "founded", "Kenya Union") in found
    assert ("John Otieno", "founded", "Coast Party") not in found


# -- posts ------------------------------------------------------------------------------

def test_a_parliament_speaker_holds_a_national_post_but_does_not_lead_the_country() -> None:
    doc = read("NAIROBI — Talks on the new Kenyan cabinet stalled on Thursday as Parliament Speaker Peter "
               "Mwangi demanded a say.")
    found = facts(doc)
    assert ("Peter Mwangi", "holds_position", "Kenya", "parliament speaker", "current") in found
    assert not [f for f in found if f[1] == "leader_of"]


def test_a_central_bank_governor_holds_a_post_in_the_one_central_bank_named() -> None:
    doc = read("Central bank governor Peter Mwangi was allowed to retire on Friday. His deputy John Otieno now "
               "runs the Central Bank of Kenya.")
    assert ("Peter Mwangi", "holds_position", "Central Bank of Kenya", "central bank governor", "former") \
        in facts(doc)


def test_an_intel_chief_in_a_headline_and_who_replaces_him() -> None:
    doc = read("Kenya replaces intel chief Peter Mwangi to cope with new threats\n\nKenya's President John "
               "Otieno named Major General Amos Wekesa as head of the National Intelligence Service on "
               "Wednesday, replacing Mwangi.")
    found = facts(doc)
    assert [f for f in found if f[0] == "Peter Mwangi" and f[3] == "intel chief" and f[4] == "former"]
    assert [f for f in found if f[0] == "Amos Wekesa" and f[3] == "head" and f[4] == "current"]
    assert not [f for f in found if f[0] == "John Otieno" and f[3] == "head"]


def test_forced_or_allowed_to_retire_is_former() -> None:
    doc = read("Army chief Peter Mwangi was forced to resign on Monday.")
    assert [f for f in facts(doc) if f[0] == "Peter Mwangi" and f[4] == "former"]


def test_formerly_before_a_title_is_former() -> None:
    doc = read("The governor said the clashes began soon after the arrival of Peter Kamau Mwangi -- formerly "
               "Garissa security minister, now the province's spy chief -- by helicopter.")
    found = [f for f in facts(doc) if f[0] == "Peter Kamau Mwangi"]
    assert [f for f in found if f[3] == "security minister" and f[4] == "former"]
    assert [f for f in found if f[3] == "spy chief" and f[4] == "current"]


def test_a_leader_who_died_after_a_subjectless_clause_is_former() -> None:
    doc = read("The Kelani Front was broken up after its leader Peter Mwangi died in a helicopter crash "
               "in 2023.")
    assert [f for f in facts(doc) if f[0] == "Peter Mwangi" and f[1] == "leader_of" and f[4] == "former"]


def test_a_creed_before_a_title_is_no_organisation() -> None:
    doc = read("Kenya's generals deposed Islamist President Peter Mwangi in 2013 after weeks of protests.")
    assert ("Peter Mwangi", "leader_of", "Kenya", "president", "former") in facts(doc)


# -- meetings ---------------------------------------------------------------------------

def test_an_undated_past_meeting_is_dated_to_the_week_of_publication() -> None:
    doc = read("President Peter Mwangi said he held a meeting with John Otieno and discussed the budget.",
               published="2024-02-08")
    meets = [e for e in doc["events"] if e["type"] == "meeting"]
    assert meets and meets[0]["time"] == "2024-W06" and meets[0]["time_basis"] == "published"
    met = [s for s in doc["statements"] if s["predicate"] == "met_with"]
    assert met and met[0]["time"] == "2024-W06" and met[0]["time_basis"] == "published"


def test_the_store_keeps_no_week_of_publication_as_a_date(tmp_path: Any) -> None:
    from interlock.store import open_store

    text = "President Peter Mwangi said he held a meeting with John Otieno and discussed the budget."
    record = extract_record({"id": "w", "text": text, "published": "2024-02-08"})
    with open_store(str(tmp_path / "w.db")) as store:
        store.put(record, text)
        rows = store.conn.execute("SELECT time, interval_from FROM events WHERE type = 'meeting'").fetchall()
        stated = store.conn.execute("SELECT time, valid_from FROM statements WHERE predicate = 'met_with'").fetchall()
    assert rows and all(tuple(r) == (None, None) for r in rows)
    assert stated and all(tuple(r) == (None, None) for r in stated)


def test_earlier_planned_or_dated_meetings_keep_their_own_dates() -> None:
    for text in ("Peter Mwangi and John Otieno met several times in the past.",
                 "Peter Mwangi will meet John Otieno in Nairobi.",
                 "Peter Mwangi met John Otieno in 2019."):
        meets = [e for e in read(text, published="2024-02-08")["events"] if e["type"] == "meeting"]
        assert not [e for e in meets if e["time"] == "2024-W06"], text


# -- later rules of the same pass ---------------------------------------------------------

def test_a_name_missed_before_a_link_participle_is_an_organisation() -> None:
    doc = read("Both the Al Qaeda-linked Shebab and the army denied carrying out the attack.")
    assert ("Shebab", "affiliated_with", "Al Qaeda") in ties(doc)


def test_a_coup_staged_to_remove_a_president_removed_him() -> None:
    doc = read("Kenya's officers, who had staged a coup to remove the elected President Peter Kamau Mwangi "
               "in May, named a new cabinet.")
    assert [f for f in facts(doc) if f[0] == "Peter Kamau Mwangi" and f[3] == "president" and f[4] == "former"]
    doc = read("The colonel plans to stage a coup to remove President Peter Kamau Mwangi.")
    assert not [f for f in facts(doc) if f[0] == "Peter Kamau Mwangi" and f[4] == "former"]


def test_the_previous_holder_and_a_post_for_a_former_body_are_former() -> None:
    doc = read("Kenya's president chose Amos Wekesa, the previous governor of Garissa, as interior minister.")
    assert [f for f in facts(doc) if f[0] == "Amos Wekesa" and f[3] == "governor" and f[4] == "former"]
    doc = read("Amos Wekesa, trade minister and chief spokesman for the previous government, becomes Kenya's "
               "premier on Monday.")
    found = [f for f in facts(doc) if f[0] == "Amos Wekesa"]
    assert [f for f in found if f[3] == "trade minister" and f[4] == "former"]
    assert [f for f in found if f[3] == "premier" and f[4] == "current"]


def test_will_serve_after_a_swearing_in_is_the_post_now_held() -> None:
    doc = read("President Amos Wekesa swore in his new cabinet at the palace. Peter Mwangi, once the mining "
               "minister, will serve as prime minister.")
    assert [f for f in facts(doc) if f[0] == "Peter Mwangi" and f[3] == "prime minister" and f[4] == "current"]
    doc = read("Peter Mwangi will serve as prime minister of Kenya.")
    assert [f for f in facts(doc) if f[0] == "Peter Mwangi" and f[3] == "prime minister" and f[4] == "planned"]


def test_a_premiership_or_presidency_is_the_owner_s_national_post() -> None:
    doc = read("NAIROBI - Kenya's government kept its ministers. Peter Mwangi's premiership and army chief "
               "John Otieno's role as deputy prime minister were not touched.")
    found = facts(doc)
    assert ("Peter Mwangi", "holds_position", "Kenya", "prime minister", "current") in found
    assert ("John Otieno", "holds_position", "Kenya", "deputy prime minister", "current") in found
    doc = read("Kenya's communes flourished with state support during Peter Mwangi's presidency.")
    assert ("Peter Mwangi", "holds_position", "Kenya", "president", "former") in facts(doc)


def test_a_title_before_a_name_the_model_missed_is_not_part_of_the_name() -> None:
    doc = read("The Ethiopian envoy saw nobody else, and he did not meet with Kenyan Prime Minister Mohammed "
               "Ali al-Garissi on this trip.")
    assert ("Mohammed Ali al-Garissi", "leader_of", "Kenya", "prime minister", "current") in facts(doc)
    assert "Brigadier-General" not in {e["name"] for e in read(
        "Ministers backed the choice of Brigadier-General Peter Kamau Mwangi as the next chief of the Kenya "
        "Defence Forces.")["entities"]}


def test_a_ruling_body_is_no_army_and_a_visit_or_a_colleague_s_title_gives_no_country() -> None:
    doc = read("Kenya’s military government named a cabinet. Army chief Peter Mwangi kept his post.")
    assert not [f for f in facts(doc) if f[2] == "Kenya’s military government"]
    doc = read("Eritrea hosted talks this week. Prime Minister Peter Mwangi landed in Asmara on Monday for "
               "talks, Eritrea’s Information Minister John Otieno said.")
    assert not [f for f in facts(doc) if f[0] == "Peter Mwangi" and f[2] == "Eritrea"]
    doc = read("The group includes Kenya Prime Minister Peter Mwangi, Chief Justice John Otieno and Higher "
               "Education Minister Amos Wekesa.")
    assert [f for f in facts(doc) if f[0] == "Amos Wekesa" and f[2] == "Kenya"]


def test_one_former_for_two_conjoined_titles_and_a_title_word_tagged_alone() -> None:
    doc = read("Otieno proposed Peter Mwangi, a former trade minister and deputy head of the Central Bank of "
               "Kenya, for the job.")
    assert [f for f in facts(doc) if f[0] == "Peter Mwangi" and f[3] == "deputy head" and f[4] == "former"]
    doc = read("Peter Mwangi, the former finance minister and the current governor of the Kenya Central Bank, "
               "spoke.")
    assert [f for f in facts(doc) if f[0] == "Peter Mwangi" and f[3] == "governor" and f[4] == "current"]
    doc = read("The Guardian Council, which answers to Supreme Leader Ayatollah Ali Khamenei of Iran, "
               "approved the list.")
    assert [f for f in facts(doc) if f[0] == "Ali Khamenei" and f[3] == "supreme leader" and f[2] == "Iran"]


def test_before_an_announcement_is_still_this_week_and_met_before_is_not() -> None:
    doc = read("Shortly before the decree was read out, Peter Mwangi said he had held a meeting with John "
               "Otieno.", published="2024-02-08")
    assert [e for e in doc["events"] if e["type"] == "meeting" and e["time"] == "2024-W06"]
    doc = read("Peter Mwangi said he had met John Otieno before.", published="2024-02-08")
    assert not [e for e in doc["events"] if e["type"] == "meeting" and e["time"] == "2024-W06"]


def test_an_apposition_after_a_group_s_name_describes_the_group() -> None:
    doc = read("Ethiopia sent envoys. A senior officer of the Kelani Front, a rebel group long allied with "
               "Ethiopia, said the truce would hold.")
    assert ("Kelani Front", "ally_of", "Ethiopia") in ties(doc)
