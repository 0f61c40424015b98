// TutorApp module.
