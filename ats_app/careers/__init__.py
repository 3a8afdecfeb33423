"""The public careers site: open projects, adverts, JobPosting JSON-LD and the Atom feed."""
