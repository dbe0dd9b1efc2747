"""The fault campaign as part of the project: damaged and hostile PDFs generated from seeds (mutants.py),
judged by what the extraction says about them (campaign.py); `make test` runs a few dozen, `make fuzz`
a few hundred with counts per fault class."""
