import Foundation
import LineageStore
import TestSupport
import Testing

@Suite struct FileHasherTests {
    /// (size, sha256, xxh3-128) of `patternBytes(size)`, from `sha256sum` and `xxhsum -H2`.
    static let knownAnswers: [(Int, String, String)] = [
        (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "99aa06d3014798d86001c324468d497f"),
        (1, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "a6cd5e9392000f6ac44bdff4074eecdb"),
        (3, "ae4b3280e56e2faf83f414a6e3dabe9d5fbe18976544c05fed121accb85b53fc", "e3b55f57945a17cf5f4299fc161c9cbb"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488", "bb8d4c458fac1f120302a39b74a9cf52"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108", "9c6e140a465545e590c1971ddb04ce74"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781", "ebedf05eeadc28f11aee64a1615de88f"),
        (4095, "45de2924756389e3ccab98bdaacbef8a81cdeb651b59f916a6d6385b4f7b999d", "c586959432953ea5a541030d777f5abe"),
        (4096, "d67c656e01756650d77717b0839985a056ec28ffe174601d690fc407a2ceffca", "e12cd72144990fe57135ffa504f1bc71"),
        (4097, "a16560d668b843fb3be99ace41dbd18471f342bd3255a1d21204b35e43f74436", "0f77b4bc73e3337db69d29f17d48293f"),
        (65535, "dda402a2c028f0cbbdbc5c6ebae965eed9c75f71236e7022b0386d3455d5ae2f", "9a37db99da12045d158b4a19c83280c1"),
        (65536, "4b640d85ab3ba30fd02c9fc9db4a8928f416322ad27022ea58a65aaee68a4df2", "f5e7bc5d3d8675bfaaae63800707a868"),
        (65537, "237356e18b503616912abb8ffaed3a72591e397d4ac294c4637917d48a3f529d", "0924e7a3a30e818770331d53d92bbc56"),
        (
            131_071, "de222739d6ef744c5fce51179ad6536d9d81e4f36c9694b4750336481f2a2b59",
            "6a7b7dbb01dc6f42387ec9c85c14330a"
        ),
        (
            131_072, "feb1e4409d009e0ec502eaabe321f86b5197a881e9b765252ec8a75d6957596d",
            "b09abb0016d42f10cdcacb62ee881022"
        ),
        (
            131_073, "dd84db969f4ff2abb79c8c2fbc06e8d8e02c46d6481c958e057f7ad7a24c58a7",
            "090b5759ef911d5f58cd771d24dd3d0c"
        ),
        (
            1_048_575, "8b55c6a2d3444092a316985030e00c1e6f8608eaf912c896dee7c374d440ed11",
            "10fb43d7606e20e4895179b331362d01"
        ),
        (
            1_048_576, "631b84027d6b9e52b539c4e8373622d23032dfadc64d60af87339c9037e4f769",
            "53738d98098cabba6e0d7ac36b8c10ff"
        ),
        (
            1_048_577, "5769f52bc3eef28afa39c6fc68cadb7d0bd69812ae3a3d71452f519ec3c7aa56",
            "3db0e7620b0d635947a84c196fd973df"
        ),
        (
            3_145_735, "f578a61853ca2f4272dba551bd868420e22302fbb6d6dfc0cc80da1d2c7b779f",
            "6fca2ec0e3e5f43862cb94c36b8a258f"
        ),
    ]

    @Test func abcStandardVectors() {
        let digests = FileHasher().digests(of: Array("abc".utf8))
        #expect(digests.sha256Hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(digests.xxh3Hex == "06b05ab6733a618578af5f94892f3950")
        #expect(digests.size == 3)
    }

    @Test(arguments: knownAnswers)
    func knownAnswersForBuffersFilesAndPipesAroundEveryBoundary(size: Int, sha256: String, xxh3: String) throws {
        let bytes = patternBytes(size)
        let directory = try TemporaryDirectory()
        let path = try directory.write("input.bin", bytes)
        for hasher in [FileHasher(), FileHasher(chunkSize: 4096), FileHasher(chunkSize: 65536)] {
            let fromBuffer = hasher.digests(of: bytes)
            #expect(fromBuffer.sha256Hex == sha256 && fromBuffer.xxh3Hex == xxh3, "buffer, chunk \(hasher.chunkSize)")
            let (fromFile, identity) = try hasher.digests(ofFileAt: path)
            #expect(fromFile == fromBuffer, "file, chunk \(hasher.chunkSize)")
            #expect(identity.size == UInt64(size))
        }
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(bytes))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let fromPipe = try FileHasher().digests(ofStream: pipe.fileHandleForReading.fileDescriptor, name: "pipe")
        #expect(fromPipe.sha256Hex == sha256 && fromPipe.xxh3Hex == xxh3 && fromPipe.size == UInt64(size))
        for hasher in [FileHasher(algorithms: .xxh3Only), FileHasher(algorithms: .xxh3Only, chunkSize: 4096)] {
            let fromBuffer = hasher.digests(of: bytes)
            #expect(fromBuffer.sha256 == nil && fromBuffer.xxh3Hex == xxh3, "xxh3 only, chunk \(hasher.chunkSize)")
            let (fromFile, identity) = try hasher.digests(ofFileAt: path)
            #expect(fromFile == fromBuffer && identity.size == UInt64(size), "xxh3 only, chunk \(hasher.chunkSize)")
        }
    }

    @Test func matchesSha256sumAndXxhsumOnRandomFiles() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/xxhsum")
        else { return }
        let directory = try TemporaryDirectory()
        var rng = SystemRandomNumberGenerator()
        for index in 0..<8 {
            let size = [0, 1, 4096, 1 << 20, (1 << 20) + 1, Int.random(in: 0..<3_000_000, using: &rng)][index % 6]
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let path = try directory.write("random-\(index).bin", bytes)
            let (digests, _) = try FileHasher().digests(ofFileAt: path)
            let sha = try runProcess("/usr/bin/sha256sum", [path]).stdout.split(separator: " ").first.map(String.init)
            let xxh = try runProcess("/usr/bin/xxhsum", ["-H2", path]).stdout.split(separator: " ").first.map(
                String.init)
            #expect(digests.sha256Hex == sha, "size \(size)")
            #expect(digests.xxh3Hex == xxh, "size \(size)")
            let (xxh3Only, _) = try FileHasher(algorithms: .xxh3Only).digests(ofFileAt: path)
            #expect(xxh3Only.xxh3Hex == xxh, "xxh3 only, size \(size)")
        }
    }

    @Test func directoriesAndMissingFilesGiveErrorsNamingThePath() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try FileHasher().digests(ofFileAt: directory.url.path)
        } throws: { error in
            let error = error as! StoreError
            return error.code == .io && error.message.contains("is a directory")
                && error.message.contains(directory.url.path)
        }
        #expect {
            try FileHasher().digests(ofFileAt: directory.path("absent.csv"))
        } throws: { error in
            let error = error as! StoreError
            return error.code == .io && error.message.contains("absent.csv") && error.message.contains("No such file")
        }
    }

    @Test(arguments: FileHasher.Algorithms.allCases, [true, false])
    func aFileThatGrowsOrShrinksWhileBeingHashedIsAnError(algorithms: FileHasher.Algorithms, grows: Bool) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("changing.log", patternBytes(3 << 20))
        var changed = false
        #expect {
            try FileHasher(algorithms: algorithms, chunkSize: 1 << 20).digests(ofFileAt: path) { done, _ in
                guard !changed, done >= 1 << 20 else { return }
                changed = true
                if grows {
                    let handle = FileHandle(forWritingAtPath: path)!
                    handle.seekToEndOfFile()
                    handle.write(Data([1, 2, 3]))
                    handle.closeFile()
                } else {
                    #expect(truncate(path, 3 << 19) == 0)
                }
            }
        } throws: { error in
            let error = error as! StoreError
            return error.code == .io && error.message.contains("changed while being hashed")
                && error.message.contains(path)
        }
    }
}
