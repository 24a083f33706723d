"""Stand-in of the ROS 2 `launch_ros` package (test peer; see ../README.md)."""
