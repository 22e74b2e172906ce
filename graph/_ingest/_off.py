import os

OFF = set(os.environ.get("KG_OFF", "").split(","))
