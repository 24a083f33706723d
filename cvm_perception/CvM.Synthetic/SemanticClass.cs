namespace CvM.Synthetic;

/// <summary>NYUv2 13-class label ids (0 = void), as stored in the NYUv2 13-class label maps.</summary>
public enum SemanticClass : byte
{
    Void = 0,
    Bed = 1,
    Books = 2,
    Ceiling = 3,
    Chair = 4,
    Floor = 5,
    Furniture = 6,
    Objects = 7,
    Picture = 8,
    Sofa = 9,
    Table = 10,
    Tv = 11,
    Wall = 12,
    Window = 13,
}
