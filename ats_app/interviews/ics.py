"""Calendar invitations (.ics) for interviews: one stable UID per interview, SEQUENCE bumped on every
change, METHOD:CANCEL when it is called off, so calendars update the same event instead of adding one."""

from datetime import timedelta

from icalendar import Calendar, Event, vCalAddress, vText

from ats_app.models import Interview
from ats_app.models.base import utcnow


def invitation_ics(interview: Interview, *, summary: str, location: str, description: str, organizer: tuple[str, str],
                   attendee: tuple[str, str], cancelled: bool = False) -> bytes:
    """The .ics file for interview; organizer and attendee are (name, email)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Nordlys ATS//interviews//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", f"interview-{interview.id}@nordlys-ats")
    event.add("sequence", interview.sequence)
    event.add("dtstamp", utcnow())  # when this version was made: clients compare it with SEQUENCE
    event.add("dtstart", interview.starts_at)
    event.add("dtend", interview.starts_at + timedelta(minutes=interview.duration_minutes))
    event.add("summary", summary)
    if location:
        event.add("location", location)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    boss = vCalAddress(f"mailto:{organizer[1]}")
    boss.params["cn"] = vText(organizer[0])
    event.add("organizer", boss)
    guest = vCalAddress(f"mailto:{attendee[1]}")
    guest.params["cn"] = vText(attendee[0])
    guest.params["role"] = vText("REQ-PARTICIPANT")
    guest.params["partstat"] = vText("NEEDS-ACTION")
    event.add("attendee", guest)
    calendar.add_component(event)
    return calendar.to_ical()
