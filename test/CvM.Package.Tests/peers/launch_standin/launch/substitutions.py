"""The substitutions the launch files use: text, LaunchConfiguration, PathJoinSubstitution, EnvironmentVariable."""

import os


class Substitution:

    def perform(self, context):
        raise NotImplementedError


class TextSubstitution(Substitution):

    def __init__(self, *, text):
        self.text = text

    def perform(self, context):
        return self.text


class LaunchConfiguration(Substitution):

    def __init__(self, variable_name, *, default=None):
        self.variable_name = variable_name
        self.default = default

    def perform(self, context):
        if self.variable_name in context.launch_configurations:
            return context.launch_configurations[self.variable_name]
        if self.default is not None:
            return perform_substitutions(context, normalize_to_list_of_substitutions(self.default))
        raise KeyError("launch configuration '{}' does not exist".format(self.variable_name))


class EnvironmentVariable(Substitution):

    def __init__(self, name, *, default_value=None):
        self.name = name
        self.default_value = default_value

    def perform(self, context):
        value = os.environ.get(self.name)
        if value is None:
            if self.default_value is None:
                raise KeyError("environment variable '{}' does not exist".format(self.name))
            return perform_substitutions(context, normalize_to_list_of_substitutions(self.default_value))
        return value


class PathJoinSubstitution(Substitution):

    def __init__(self, substitutions):
        self.substitutions = [normalize_to_list_of_substitutions(s) for s in substitutions]

    def perform(self, context):
        return os.path.join(*[perform_substitutions(context, s) for s in self.substitutions])


def normalize_to_list_of_substitutions(subs):
    """A string, a substitution or an iterable of them -> a list of substitutions."""
    if isinstance(subs, str):
        return [TextSubstitution(text=subs)]
    if isinstance(subs, Substitution):
        return [subs]
    result = []
    for s in subs:
        if isinstance(s, str):
            result.append(TextSubstitution(text=s))
        elif isinstance(s, Substitution):
            result.append(s)
        else:
            raise TypeError('not a substitution: {!r}'.format(s))
    return result


def perform_substitutions(context, subs):
    return ''.join(s.perform(context) for s in subs)
