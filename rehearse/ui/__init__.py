"""What a person sees and does at a terminal: the report, the history views, the live
recording panel, the progress chart and the practice session. Drawn from reports and
states alone: no analysis here."""
