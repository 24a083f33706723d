// MSBuild inline task (compiled by RoslynCodeTaskFactory, not part of CvM.Training.dll).
// Marks one GLIBCXX version need weak in an ELF64 little-endian shared object and makes every undefined
// dynamic symbol bound to that version weak. Idempotent; fails the build when the file is not what it expects.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class CvmWeakenElfVersionNeed : Task
{
    [Required] public ITaskItem[] Files { get; set; }
    [Required] public string VersionName { get; set; }

    private const uint ShtDynsym = 11, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;
    private const byte StbWeak = 2;

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            try
            {
                var path = item.ItemSpec;
                var elf = File.ReadAllBytes(path);
                var changed = Patch(elf, out var message);
                if (changed) File.WriteAllBytes(path, elf);
                Log.LogMessage(MessageImportance.High, "CvmWeakenElfVersionNeed: " + path + ": " + message);
            }
            catch (Exception e)
            {
                Log.LogError("CvmWeakenElfVersionNeed: " + item.ItemSpec + ": " + e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private bool Patch(byte[] elf, out string message)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not an ELF64 little-endian file");
        long shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        int verneed = -1, dynsym = -1, versym = -1;
        for (int i = 0; i < shnum; i++)
        {
            uint type = BitConverter.ToUInt32(elf, (int)(shoff + (long)i * shentsize) + 4);
            if (type == ShtVerneed) verneed = i;
            else if (type == ShtDynsym) dynsym = i;
            else if (type == ShtVersym) versym = i;
        }
        if (verneed < 0 || dynsym < 0 || versym < 0) throw new InvalidDataException("missing .gnu.version_r/.dynsym/.gnu.version");

        int Sh(int index, int field) => (int)(shoff + (long)index * shentsize) + field;
        long SecOffset(int index) => (long)BitConverter.ToUInt64(elf, Sh(index, 0x18));
        long SecSize(int index) => (long)BitConverter.ToUInt64(elf, Sh(index, 0x20));
        int SecLink(int index) => (int)BitConverter.ToUInt32(elf, Sh(index, 0x28));
        string Str(long tab, uint off)
        {
            long start = tab + off, end = start;
            while (elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
        }

        // 1. The version need entry (Vernaux) named VersionName.
        long strtab = SecOffset(SecLink(verneed));
        long vn = SecOffset(verneed);
        int versionIndex = -1;
        bool changed = false;
        while (versionIndex < 0)
        {
            int cnt = BitConverter.ToUInt16(elf, (int)vn + 2);
            long aux = vn + BitConverter.ToUInt32(elf, (int)vn + 8);
            for (int a = 0; a < cnt; a++)
            {
                if (Str(strtab, BitConverter.ToUInt32(elf, (int)aux + 8)) == VersionName)
                {
                    ushort flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    if ((flags & VerFlgWeak) == 0)
                    {
                        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, (int)aux + 4);
                        changed = true;
                    }
                    versionIndex = BitConverter.ToUInt16(elf, (int)aux + 6) & 0x7fff;
                    break;
                }
                uint nextAux = BitConverter.ToUInt32(elf, (int)aux + 12);
                if (nextAux == 0) break;
                aux += nextAux;
            }
            uint next = BitConverter.ToUInt32(elf, (int)vn + 12);
            if (versionIndex >= 0) break;
            if (next == 0)
            {
                message = "no version need " + VersionName + " (nothing to do)";
                return false;
            }
            vn += next;
        }

        // 2. Every undefined dynamic symbol bound to that version becomes STB_WEAK.
        long symOff = SecOffset(dynsym), symCount = SecSize(dynsym) / 24;
        long symStr = SecOffset(SecLink(dynsym)), verOff = SecOffset(versym);
        var names = new StringBuilder();
        for (long s = 1; s < symCount; s++)
        {
            int ver = BitConverter.ToUInt16(elf, (int)(verOff + s * 2)) & 0x7fff;
            if (ver != versionIndex) continue;
            int entry = (int)(symOff + s * 24);
            if (BitConverter.ToUInt16(elf, entry + 6) != 0)
                throw new InvalidDataException("a defined symbol uses " + VersionName + "; refusing to patch");
            byte info = elf[entry + 4];
            if ((info >> 4) != StbWeak)
            {
                elf[entry + 4] = (byte)((StbWeak << 4) | (info & 0xf));
                changed = true;
            }
            names.Append(Str(symStr, BitConverter.ToUInt32(elf, entry))).Append(' ');
        }
        message = (changed ? "patched " : "already patched ") + VersionName + " (weak symbols: " + names.ToString().Trim() + ")";
        return changed;
    }
}
