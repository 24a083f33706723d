"""Evaluates a .launch.py or .launch.xml with the launch/launch_ros stand-in and prints the node's argv as JSON.

usage: evaluate_launch.py LAUNCH_FILE --share PKG=DIR [--lib PKG=DIR] --tmp DIR [name:=value ...]
"""

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from launch import LaunchContext  # noqa: E402
from launch import LaunchDescription  # noqa: E402
from launch.actions import DeclareLaunchArgument  # noqa: E402
from launch.substitutions import EnvironmentVariable  # noqa: E402
from launch.substitutions import LaunchConfiguration  # noqa: E402
from launch.substitutions import TextSubstitution  # noqa: E402
from launch_ros.actions import Node  # noqa: E402
from launch_ros.substitutions import FindPackagePrefix  # noqa: E402
from launch_ros.substitutions import FindPackageShare  # noqa: E402


def parse_substitution(text):
    """launch's frontend substitution syntax: text with $(name arg ...), arguments may nest."""
    result, _ = _parse(text, 0, top=True)
    return result


def _parse(text, i, top):
    parts, buf = [], ''
    while i < len(text):
        if text.startswith('$(', i):
            if buf:
                parts.append(TextSubstitution(text=buf))
                buf = ''
            sub, i = _parse_call(text, i + 2)
            parts.append(sub)
        elif not top and text[i] in ' )':
            break
        else:
            buf += text[i]
            i += 1
    if buf:
        parts.append(TextSubstitution(text=buf))
    return parts, i


def _parse_call(text, i):
    j = i
    while j < len(text) and text[j] not in ' )':
        j += 1
    name, args, i = text[i:j], [], j
    while i < len(text) and text[i] != ')':
        if text[i] == ' ':
            i += 1
            continue
        arg, i = _parse(text, i, top=False)
        args.append(arg)
    if i >= len(text):
        raise ValueError('unterminated $( in {!r}'.format(text))
    i += 1
    if name == 'var' and len(args) == 1:
        return LaunchConfiguration(_plain(args[0])), i
    if name == 'find-pkg-share' and len(args) == 1:
        return FindPackageShare(_plain(args[0])), i
    if name == 'find-pkg-prefix' and len(args) == 1:
        return FindPackagePrefix(_plain(args[0])), i
    if name == 'env' and len(args) in (1, 2):
        return EnvironmentVariable(_plain(args[0]), default_value=args[1] if len(args) == 2 else None), i
    raise ValueError('substitution $({} ...) with {} arguments is not modelled by the stand-in'.format(name, len(args)))


def split_cmdline(text):
    """Splits an args attribute on whitespace outside $( ... ), as launch's _parse_cmdline keeps substitutions whole."""
    words, buf, depth, i = [], '', 0, 0
    while i < len(text):
        if text.startswith('$(', i):
            depth += 1
            buf += '$('
            i += 2
            continue
        c = text[i]
        if c == ')' and depth > 0:
            depth -= 1
        if c.isspace() and depth == 0:
            if buf:
                words.append(buf)
            buf = ''
        else:
            buf += c
        i += 1
    if buf:
        words.append(buf)
    return words


def _plain(parts):
    if not all(isinstance(p, TextSubstitution) for p in parts):
        raise ValueError('nested substitution in a name is not modelled by the stand-in')
    return ''.join(p.text for p in parts)


def _check(element, allowed_attrs, allowed_children):
    extra = set(element.attrib) - set(allowed_attrs)
    if extra:
        raise ValueError('<{}> attributes {} are not modelled by the stand-in'.format(element.tag, sorted(extra)))
    for child in element:
        if child.tag not in allowed_children:
            raise ValueError('<{}> inside <{}> is not modelled by the stand-in'.format(child.tag, element.tag))


def load_xml(path):
    root = ET.parse(path).getroot()
    if root.tag != 'launch':
        raise ValueError('root element must be <launch>')
    _check(root, [], ['arg', 'node'])
    entities = []
    for el in root:
        if el.tag == 'arg':
            _check(el, ['name', 'default', 'description'], [])
            default = el.get('default')
            entities.append(DeclareLaunchArgument(
                el.get('name'), default_value=None if default is None else parse_substitution(default),
                description=el.get('description', '')))
        else:
            _check(el, ['pkg', 'exec', 'name', 'namespace', 'args', 'output'], ['param', 'remap'])
            params, remaps = [], []
            for child in el:
                if child.tag == 'param':
                    _check(child, ['from', 'name', 'value'], [])
                    if child.get('from') is not None:
                        if child.get('name') is not None:
                            raise ValueError('name and from attributes are mutually exclusive')
                        params.append(parse_substitution(child.get('from')))
                    else:
                        params.append({child.get('name'): parse_substitution(child.get('value'))})
                else:
                    _check(child, ['from', 'to'], [])
                    remaps.append((parse_substitution(child.get('from')), parse_substitution(child.get('to'))))
            args = el.get('args')
            entities.append(Node(
                package=None if el.get('pkg') is None else parse_substitution(el.get('pkg')),
                executable=parse_substitution(el.get('exec')),
                name=None if el.get('name') is None else parse_substitution(el.get('name')),
                namespace=None if el.get('namespace') is None else parse_substitution(el.get('namespace')),
                arguments=None if args is None else [parse_substitution(a) for a in split_cmdline(args)],
                parameters=params or None, remappings=remaps or None, output=el.get('output')))
    return LaunchDescription(entities)


def load_py(path):
    spec = importlib.util.spec_from_file_location('launch_file', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate_launch_description()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('launch_file')
    parser.add_argument('--share', action='append', default=[])
    parser.add_argument('--lib', action='append', default=[])
    parser.add_argument('--tmp', required=True)
    parser.add_argument('launch_arguments', nargs='*')
    a = parser.parse_intermixed_args()
    tempfile.tempdir = a.tmp
    context = LaunchContext(dict(s.split('=', 1) for s in a.share), dict(s.split('=', 1) for s in a.lib))
    for arg in a.launch_arguments:
        name, sep, value = arg.partition(':=')
        if not sep:
            raise ValueError("launch arguments are name:=value, got '{}'".format(arg))
        context.launch_configurations[name] = value
    description = load_xml(a.launch_file) if a.launch_file.endswith('.xml') else load_py(a.launch_file)
    declared, nodes, warnings = [], [], []
    for entity in description.entities:
        if isinstance(entity, DeclareLaunchArgument):
            entity.execute(context)
            declared.append({'name': entity.name, 'description': entity.description})
        elif isinstance(entity, Node):
            cmd, files = entity.command(context, warnings)
            nodes.append({'cmd': cmd, 'params_files': files})
        else:
            raise TypeError('action {!r} is not modelled by the stand-in'.format(entity))
    unknown = sorted(set(context.launch_configurations) - {d['name'] for d in declared})
    json.dump({'arguments': declared, 'nodes': nodes, 'warnings': warnings, 'undeclared': unknown}, sys.stdout)


if __name__ == '__main__':
    main()
