"""``rak serve``: the checker as a local web page and a JSON API.

``settings`` holds what the server allows (limits, token, workers); ``uploads`` takes files
and zips into a job's private folder and refuses hostile ones; ``jobs`` runs each job as a
bulk run (``rak.bulk``) off the request thread and deletes it after a set time; ``pages``
and ``static/`` are the pages around the reports; ``app`` the routes, statuses and headers;
``command`` the typer command. Nothing here is imported by ``rak --help`` but ``command``,
which imports the web libraries only when it runs.
"""
