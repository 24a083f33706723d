using CvM.Messages.Definitions;
using CvM.Messages.RmwDdsCommon;

namespace CvM.Messages.Tests;

public class TypeHashTests
{
    [Theory]
    [InlineData("sensor_msgs/msg/Image", "RIHS01_d31d41a9a4c4bc8eae9be757b0beed306564f7526c88ea6a4588fb9582527d47")]
    [InlineData("sensor_msgs/msg/CameraInfo", "RIHS01_b3dfd68ff46c9d56c80fd3bd4ed22c7a4ddce8c8348f2f59c299e73118e7e275")]
    [InlineData("nav_msgs/msg/Odometry", "RIHS01_3cc97dc7fb7502f8714462c526d369e35b603cfc34d946e3f2eda2766dfec6e0")]
    public void Rihs01_KnownTypes_EqualJazzyValues(string rosType, string expected)
    {
        Assert.Equal(expected, MessageDefinitions.Get(rosType).Rihs01);
    }
}
