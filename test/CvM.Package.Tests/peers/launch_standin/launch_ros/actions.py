"""The Node action: builds the command line the way launch_ros's Node action does (see ../README.md)."""

from collections.abc import Mapping
from collections.abc import Sequence
import os
import re
import tempfile

from launch.substitutions import normalize_to_list_of_substitutions
from launch.substitutions import perform_substitutions
from launch.substitutions import Substitution
import yaml

UNSPECIFIED_NODE_NAME = '<node_name_unspecified>'
UNSPECIFIED_NODE_NAMESPACE = '<node_namespace_unspecified>'
_TOKEN = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')


def validate_node_name(name):
    if not _TOKEN.match(name) or len(name) > 255:
        raise ValueError("invalid node name '{}'".format(name))


def validate_namespace(ns):
    if ns == '/':
        return
    if not ns.startswith('/') or ns.endswith('/') or not all(_TOKEN.match(t) for t in ns[1:].split('/')):
        raise ValueError("invalid namespace '{}'".format(ns))


def make_namespace_absolute(ns):
    return ns if ns.startswith('/') else '/' + ns


def prefix_namespace(base_ns, ns):
    """launch_ros.utilities.prefix_namespace with return_absolute_ns=True."""
    if base_ns is None and ns is None:
        return None
    if ns is None:
        combined = base_ns
    elif not base_ns or ns.startswith('/'):
        combined = ns
    else:
        combined = ('' if base_ns == '/' else base_ns) + '/' + ns
    if combined != '/':
        combined = combined.rstrip('/')
    return make_namespace_absolute(combined)


def _yaml_typed(text):
    value = yaml.safe_load(text)
    if type(value) in (bool, int, float, str, bytes):
        return value
    if isinstance(value, Sequence) and value and len({type(v) for v in value}) == 1 \
            and type(value[0]) in (bool, int, float, str):
        return list(value)
    raise TypeError('parameter value {!r} is not a scalar or a uniform non-empty list'.format(text))


def _flatten(params, prefix=''):
    out = {}
    for name, value in params.items():
        if not isinstance(name, str):
            raise TypeError('parameter names must be strings here, got {!r}'.format(name))
        key = prefix + name
        if isinstance(value, Mapping):
            out.update(_flatten(value, key + '.'))
        else:
            out[key] = value
    return out


def _evaluate_value(context, value):
    if isinstance(value, bool) or isinstance(value, (int, float, bytes)):
        return value
    if isinstance(value, str):
        return _yaml_typed(yaml.dump(value))
    if isinstance(value, Substitution) or (isinstance(value, (list, tuple)) and value
                                           and all(isinstance(v, (str, Substitution)) for v in value)
                                           and any(isinstance(v, Substitution) for v in value)):
        return _yaml_typed(perform_substitutions(context, normalize_to_list_of_substitutions(value)))
    if isinstance(value, (list, tuple)) and value and len({type(v) for v in value}) == 1 \
            and type(value[0]) in (bool, int, float, str):
        return list(value)
    raise TypeError('unsupported parameter value {!r}'.format(value))


class Node:

    def __init__(self, *, executable, package=None, name=None, namespace=None, exec_name=None,
                 parameters=None, remappings=None, ros_arguments=None, arguments=None, output=None):
        self.executable = executable
        self.package = package
        self.name = name
        self.namespace = namespace
        self.parameters = parameters
        self.remappings = remappings
        self.ros_arguments = ros_arguments
        self.arguments = arguments
        self.output = output

    def command(self, context, warnings):
        """The argv launch_ros would start, plus the text of the parameter files it wrote."""
        subst = lambda s: perform_substitutions(context, normalize_to_list_of_substitutions(s))  # noqa: E731
        executable = subst(self.executable)
        if self.package is not None:
            package = subst(self.package)
            lib = context.package_libs.get(package)
            executable = os.path.join(lib, executable) if lib else executable
        cmd = [executable] + [subst(a) for a in (self.arguments or [])]
        if self.ros_arguments:
            cmd += ['--ros-args'] + [subst(a) for a in self.ros_arguments]
        cmd += ['--ros-args']
        node_name = UNSPECIFIED_NODE_NAME
        if self.name is not None:
            node_name = subst(self.name)
            validate_node_name(node_name)
            cmd += ['-r', '__node:=' + node_name]
        node_namespace = UNSPECIFIED_NODE_NAMESPACE
        expanded_ns = None if self.namespace is None else subst(self.namespace)
        expanded_ns = prefix_namespace(context.launch_configurations.get('ros_namespace'), expanded_ns)
        if expanded_ns is not None:
            node_namespace = expanded_ns
            validate_namespace(node_namespace)
            cmd += ['-r', '__ns:=' + node_namespace]
        final_name = prefix_namespace(node_namespace, node_name)
        fully_specified = UNSPECIFIED_NODE_NAME not in final_name and UNSPECIFIED_NODE_NAMESPACE not in final_name
        files = {}
        for entry in self.parameters or []:
            if isinstance(entry, Mapping):
                params = {k: _evaluate_value(context, v) for k, v in _flatten(entry).items()}
                key = final_name if fully_specified else '/**'
                with tempfile.NamedTemporaryFile(mode='w', prefix='launch_params_', delete=False) as h:
                    yaml.dump({key: {'ros__parameters': params}}, h, default_flow_style=False)
                    path = h.name
                with open(path) as f:
                    files[path] = f.read()
            else:
                path = subst(entry)
                if not os.path.isfile(path):
                    warnings.append('Parameter file path is not a file: {}'.format(path))
                    continue
            cmd += ['--params-file', path]
        for src, dst in self.remappings or []:
            cmd += ['-r', '{}:={}'.format(subst(src), subst(dst))]
        return cmd, files
