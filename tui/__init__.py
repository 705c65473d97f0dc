"""The Textual workbench for Origin Playground (issue 5). Only this package and themes/ import Textual."""
