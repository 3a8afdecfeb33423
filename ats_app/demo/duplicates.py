"""Two believable possible duplicates in the demo data, made of people the generator invented anyway (so the
counts, and the random draws of everyone else, stay as they were):
- the same person applied again to another project with a private email address: the same name, mobile,
  address and CV under another email ("same name and mobile");
- the same person again, with a typo in the last name, a new email and no mobile given, and the same birth
  date on both ("similar name and the same birth date").
The second record of each pair takes the place of a candidate whose projects differ from the first one's,
so a merge is not refused for two applications to one project.
"""

from datetime import date

from ats_app.demo.people import ASCII_FOLD, DOMAINS

SAME_MOBILE, TYPO = "same_mobile", "typo"
FIRST_SOURCE = 2  # the first candidates of a run are left as they are


class DemoDuplicates:
    """Watches the candidates as they are made and turns two of them into second records of earlier ones."""

    def __init__(self) -> None:
        self.waiting: dict[str, tuple[int, dict, set]] = {}  # kind -> (candidate id, person, project ids)
        self.pairs: list[tuple[int, int, str]] = []  # (first record, second record, kind)

    @property
    def active(self) -> bool:
        """False once both pairs are made: the generator's hot loop stops asking."""
        return len(self.pairs) < 2

    def see(self, index: int, candidate_id: int, person: dict, project_ids: set) -> dict:
        """The person to store as candidate_id: as made, or the second record of an earlier one."""
        done = {kind for _, _, kind in self.pairs}
        for kind in (SAME_MOBILE, TYPO):
            if kind in done:
                continue
            if kind not in self.waiting:
                if index >= FIRST_SOURCE and "cv" in person and person["mobile"]:
                    self.waiting[kind] = (candidate_id, person, set(project_ids))
                    return person
                continue
            first_id, first, first_projects = self.waiting[kind]
            if first_projects & set(project_ids) or "cv" not in person:
                continue
            del self.waiting[kind]
            self.pairs.append((first_id, candidate_id, kind))
            return _private_email_twin(first) if kind == SAME_MOBILE else _typo_twin(first)
        return person


def _email(first: str, last: str, person: dict) -> str:
    """Another address than the generator's "first.last@...": "k.hansen@" on another of the example domains."""
    domain = DOMAINS[(DOMAINS.index(person["email"].split("@")[1]) + 1) % len(DOMAINS)]
    return f"{first[:1]}.{last}".lower().translate(ASCII_FOLD) + f"@{domain}"


def _with(person: dict, first: str, last: str, email: str, mobile: str | None) -> dict:
    twin = {**person, "first": first, "last": last, "email": email, "mobile": mobile,
            "letter": {**person["letter"], "name": f"{first} {last}"},
            "cv_text": person["cv_text"].replace(f"{person['first']} {person['last']}", f"{first} {last}", 1)}
    if "cv" in person:
        contact = [email if item == person["email"] else item for item in person["cv"]["contact"]]
        if not mobile:
            contact = [contact[0], *contact[2:]] if person["mobile"] else contact
        twin["cv"] = {**person["cv"], "name": f"{first} {last}", "contact": contact}
    return twin


def _private_email_twin(person: dict) -> dict:
    return _with(person, person["first"], person["last"], _email(person["first"], person["last"], person),
                 person["mobile"])


def typo(last: str) -> str:
    """"Hansen" -> "Hannsen": the letter before the middle typed twice."""
    middle = max(1, len(last) // 2)
    return last[:middle] + last[middle - 1] + last[middle:]


def _typo_twin(person: dict) -> dict:
    last = typo(person["last"])
    return _with(person, person["first"], last, _email(person["first"], last, person), None)


def birth_date(candidate_id: int, year: int) -> date:
    """A birth date for the typo pair, made from the id (no random draw)."""
    return date(year - 27 - candidate_id % 13, 1 + candidate_id % 12, 1 + candidate_id % 28)
