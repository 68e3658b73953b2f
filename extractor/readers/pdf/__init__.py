"""The PDF family: two page engines (pdfium, pdfplumber), the page content they yield,
ruled and aligned tables, clipping."""
