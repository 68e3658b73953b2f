"""The scan family: page images, their rulings and cells, and the OCR that reads them."""
