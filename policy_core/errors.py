"""The one exception the core raises for bad input."""


class ScenarioError(ValueError):
    """Bad input: the message is one line and starts with the key path it is about.

    Example: ``request.credentials: expected omit, same-origin or include, got 'includ'``.
    """

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)
