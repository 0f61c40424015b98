// Curriculum module.
