"""Stand-in of the ROS 2 `launch` package (test peer; see ../README.md)."""

from .launch_context import LaunchContext
from .launch_description import LaunchDescription

__all__ = ['LaunchContext', 'LaunchDescription']
