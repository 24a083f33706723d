"""Live perception node: ros2 launch cvm_perception cvm_perception.launch.py [arg:=value ...].

The node subscribes to its relative topics image, camera_info and odom (parameters image_topic,
camera_info_topic, odom_topic, default values in config/cvm_perception.yaml) and publishes ~/depth,
~/semantics, ~/normals and /diagnostics; the remaps below connect the inputs to the robot's topics.
Keep this file and cvm_perception.launch.xml in step (test/CvM.Package.Tests compares the two).
"""

from launch import LaunchDescription
from launch.actions import DeclareLaunchArgument
from launch.substitutions import LaunchConfiguration
from launch.substitutions import PathJoinSubstitution
from launch_ros.actions import Node
from launch_ros.substitutions import FindPackageShare


def generate_launch_description():
    arguments = [
        DeclareLaunchArgument(
            'namespace', default_value='',
            description='Namespace of the node (e.g. robot1); empty for the root namespace'),
        DeclareLaunchArgument(
            'node_name', default_value='cvm_perception', description='Name of the node'),
        DeclareLaunchArgument(
            'image_topic', default_value='/camera/image_raw',
            description='Camera image topic (sensor_msgs/msg/Image)'),
        DeclareLaunchArgument(
            'camera_info_topic', default_value='/camera/camera_info',
            description='Camera info topic (sensor_msgs/msg/CameraInfo)'),
        DeclareLaunchArgument(
            'odom_topic', default_value='/odom', description='Odometry topic (nav_msgs/msg/Odometry)'),
        DeclareLaunchArgument(
            'params_file',
            default_value=PathJoinSubstitution(
                [FindPackageShare('cvm_perception'), 'config', 'cvm_perception.yaml']),
            description='Parameters file (ros__parameters)'),
        DeclareLaunchArgument(
            'use_sim_time', default_value='false',
            description='Use /clock for time (true when playing a bag with --clock)'),
        DeclareLaunchArgument(
            'device', default_value='auto',
            description='Inference device: auto (CUDA when it loads, else CPU), cuda or cpu'),
    ]
    node = Node(
        package='cvm_perception',
        executable='cvm_perception',
        name=LaunchConfiguration('node_name'),
        namespace=LaunchConfiguration('namespace'),
        arguments=['node'],
        output='screen',
        parameters=[
            LaunchConfiguration('params_file'),
            {'use_sim_time': LaunchConfiguration('use_sim_time')},
            {'device': LaunchConfiguration('device')},
        ],
        remappings=[
            ('image', LaunchConfiguration('image_topic')),
            ('camera_info', LaunchConfiguration('camera_info_topic')),
            ('odom', LaunchConfiguration('odom_topic')),
        ],
    )
    return LaunchDescription(arguments + [node])
