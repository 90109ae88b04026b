"""Arabic text tools that know nothing of the pipeline; every result keeps original offsets.

- `normalize`: folding with an offset map back (`normalize`, `Normalized.original_span`,
  `original_span_with_marks`, `normalize_key`).
- `tokens`: `tokenize`, `Token`, `strip_clitics`, `bare_stem`.
- `sentences`: `split_sentences`, `split_clauses`.
- `numerals`: `find_numbers`, `NumberMatch`, `parse_number_words`.
- `dates`: `find_dates`, `DateMatch`, `parse_published`, `publication_date_from_text`,
  `resolve_relative`.
- `phrases`: `PhraseMatcher` (clitic-aware dictionary matching).

Knowledge (month names, number words, counted nouns, …) is read lazily from `marsad/data/text/`.
"""
