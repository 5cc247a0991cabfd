"""Write-side use cases: one command module each, each producing one change set.

A command turns a request into a function of the current projection that validates and returns
the change set to write (``write.Command``); ``write.commit`` runs it under the write lock and
writes it as the next revision of the change log.
"""
