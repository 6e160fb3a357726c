"""The report: report.json (contract, schema_version 1), report.html, report.md."""
