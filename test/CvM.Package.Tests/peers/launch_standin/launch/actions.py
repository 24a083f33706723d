"""DeclareLaunchArgument: a launch argument with its default (a substitution or text)."""

from .substitutions import normalize_to_list_of_substitutions
from .substitutions import perform_substitutions


class DeclareLaunchArgument:

    def __init__(self, name, *, default_value=None, description='', choices=None):
        self.name = name
        self.default_value = None if default_value is None else normalize_to_list_of_substitutions(default_value)
        self.description = description
        self.choices = choices

    def execute(self, context):
        if self.name not in context.launch_configurations:
            if self.default_value is None:
                raise RuntimeError("launch argument '{}' has no default and was not given".format(self.name))
            context.launch_configurations[self.name] = perform_substitutions(context, self.default_value)
        value = context.launch_configurations[self.name]
        if self.choices is not None and value not in self.choices:
            raise RuntimeError("launch argument '{}': '{}' is not one of {}".format(self.name, value, self.choices))
