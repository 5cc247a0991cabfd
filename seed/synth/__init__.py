"""The deterministic synthetic authority graph at Beijing scale (``graph-service synth``).

A test and benchmark fixture, not a use case: it lives beside the Daxing builder
(``seed/daxing_build/``) rather than in ``graph_service.service``. ``dataset`` assembles the
document; ``scale`` says how big it is, ``world`` builds places and units, ``items`` the power-list
catalogue, ``acts`` the acts and the irregularities the findings look for.
"""
