import TutorApp
print("aitutor")
