"""Dagster definitions for Ledgerline: extraction assets, dbt marts, checks, sensor and schedule."""
