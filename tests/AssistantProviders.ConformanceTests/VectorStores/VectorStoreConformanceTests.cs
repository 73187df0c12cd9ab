// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.ConformanceTests.VectorStores;

/// <summary>
/// The vector-store contract (Microsoft.Extensions.VectorData <see cref="VectorStore"/>) every store meets: the in-memory and
/// Sqlite stores directly, Pinecone and Weaviate against the emulator. In the style of the MEVD conformance tests: collection
/// lifecycle, CRUD, batches over the vendor limit, the LINQ filter subset, search ordering and scores, dimension mismatch,
/// missing collections, invalid keys and cancellation.
/// </summary>
/// <remarks>
/// <para>A store derives it once per key type and distance function it wants exercised, returns a fresh store from
/// <see cref="CreateStoreAsync"/> and sets the capability flags. A store that needs the emulator adds
/// <c>IClassFixture&lt;EmulatorFixture&gt;</c> to its own class and takes the fixture in its constructor.</para>
/// <para>Each test creates its own uniquely named collections (<see cref="NewCollectionName"/>); they are deleted after the test.
/// All vectors are unit length, so cosine, dot product and Euclidean orderings agree, and the expected score of each record
/// is computed from the distance function (<see cref="ExpectedScore"/>).</para>
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
public abstract class VectorStoreConformanceTests<TKey> : IAsyncLifetime
    where TKey : notnull
{
    /// <summary>The vector dimension of the conformance collections.</summary>
    public const int Dimensions = 8;

    /// <summary>The wrong dimension the mismatch tests use (distinct from <see cref="Dimensions"/>).</summary>
    public const int WrongDimensions = 5;

    /// <summary>The number of seed records (<see cref="SeedRecords"/>).</summary>
    public const int SeedCount = 8;

    private const double ScoreTolerance = 1e-3;

    private static readonly ReadOnlyMemory<float>[] SeedVectors =
    [
        Unit(1, 0, 0, 0, 0, 0, 0, 0),
        Unit(3, 1, 0, 0, 0, 0, 0, 0),
        Unit(1, 1, 0, 0, 0, 0, 0, 0),
        Unit(1, 0, 2, 0, 0, 0, 0, 0),
        Unit(1, 0, 0, 3, 0, 0, 0, 0),
        Unit(0, 0, 0, 0, 0, 1, 0, 0),
        Unit(-1, 0, 0, 0, 0, 0, 1, 0),
        Unit(-1, 0, 0, 0, 0, 0, 0, 0),
    ];

    private readonly List<string> _collections = [];
    private VectorStore? _store;
    private int _collectionCounter;

    /// <summary>Gets the store of the current test (created by <see cref="InitializeAsync"/>).</summary>
    protected VectorStore Store => _store ?? throw new InvalidOperationException("The store has not been created.");

    /// <summary>Gets the provider id (also the expected <see cref="VectorStoreMetadata.VectorStoreSystemName"/>), e.g. <c>inmemory</c>.</summary>
    protected abstract string ProviderId { get; }

    /// <summary>Gets the distance function the collections are created with (one of <see cref="Microsoft.Extensions.VectorData.DistanceFunction"/>).</summary>
    protected virtual string DistanceFunction => Microsoft.Extensions.VectorData.DistanceFunction.CosineSimilarity;

    /// <summary>Gets the index kind the collections are created with, or <see langword="null"/> for the store's default.</summary>
    protected virtual string? IndexKind => null;

    /// <summary>Gets the expected <see cref="VectorStoreMetadata.VectorStoreSystemName"/>. Default: <see cref="ProviderId"/>.</summary>
    protected virtual string ExpectedSystemName => ProviderId;

    /// <summary>Gets a value indicating whether <c>IncludeVectors = true</c> returns the stored vectors (get and search).</summary>
    protected virtual bool SupportsIncludeVectors => true;

    /// <summary>Gets a value indicating whether <see cref="VectorSearchOptions{TRecord}.Skip"/> is honoured.</summary>
    protected virtual bool SupportsSkip => true;

    /// <summary>Gets a value indicating whether the filtered <c>GetAsync(filter, top, options)</c> (no vector) is supported.</summary>
    protected virtual bool SupportsFilteredGet => true;

    /// <summary>Gets a value indicating whether <see cref="VectorStore.GetDynamicCollection"/> (<c>Dictionary&lt;string, object?&gt;</c> records) is supported.</summary>
    protected virtual bool SupportsDynamicCollection => true;

    /// <summary>Gets a value indicating whether <see cref="VectorStore.ListCollectionNamesAsync"/> is supported.</summary>
    protected virtual bool SupportsListCollectionNames => true;

    /// <summary>
    /// Gets a value indicating whether a filter on a data field that is not indexed (<c>IsIndexed = false</c>, here
    /// <see cref="ConformanceRecord{TKey}.Notes"/>) is rejected with an error naming the field. A store that documents that every
    /// field is filterable returns <see langword="false"/>, and the test checks that the filter works instead.
    /// </summary>
    protected virtual bool RejectsFilterOnNonIndexedField => true;

    /// <summary>
    /// Gets the vendor's per-request upsert limit (records). The batch test writes more than twice this many records (at least
    /// 1,234) and expects them split into requests within the limit, not failed.
    /// </summary>
    protected virtual int MaxBatchSize => 1_000;

    /// <summary>Gets the number of records the batch test writes.</summary>
    protected int OversizeBatchCount => Math.Max(1_234, (MaxBatchSize * 2) + 34);

    /// <summary>
    /// Gets the tests (by method name, or <c>*</c> for the whole suite) this store cannot pass yet, with the reason; they are
    /// skipped with that reason. Each entry is a known gap to close, not a way to hide a failure.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> KnownGaps { get; } = new Dictionary<string, string>();

    /// <summary>Gets keys that are invalid for this key type (missing or empty): upserting a record with one is an <see cref="ArgumentException"/>. Empty skips the test.</summary>
    protected virtual IEnumerable<TKey?> InvalidKeys =>
        typeof(TKey) == typeof(string) ? [default, (TKey)(object)string.Empty] : [];

    /// <inheritdoc/>
    public virtual async ValueTask InitializeAsync() => _store = await CreateStoreAsync(TestContext.Current.CancellationToken);

    /// <inheritdoc/>
    public virtual async ValueTask DisposeAsync()
    {
        if (_store is null)
        {
            return;
        }

        foreach (var name in _collections)
        {
            await _store.EnsureCollectionDeletedAsync(name, CancellationToken.None);
        }

        _store.Dispose();
        _store = null;
    }

    // ---------------------------------------------------------------- collection lifecycle

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Collection_DoesNotExist_BeforeEnsure()
    {
        using var collection = Collection();

        (await collection.CollectionExistsAsync(Ct)).ShouldBeFalse();
        (await Store.CollectionExistsAsync(collection.Name, Ct)).ShouldBeFalse();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Collection_EnsureExists_Twice_IsIdempotent_AndKeepsRecords()
    {
        using var collection = Collection();

        await collection.EnsureCollectionExistsAsync(Ct);
        await collection.UpsertAsync(SeedRecords()[0], Ct);
        await collection.EnsureCollectionExistsAsync(Ct);

        (await collection.CollectionExistsAsync(Ct)).ShouldBeTrue();
        (await Store.CollectionExistsAsync(collection.Name, Ct)).ShouldBeTrue();
        (await collection.GetAsync(Key(1), cancellationToken: Ct)).ShouldNotBeNull("a second EnsureCollectionExists must not recreate the collection");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Collection_ListNames_IncludesCreated_ExcludesDeleted()
    {
        SkipUnless(SupportsListCollectionNames, "listing collection names");
        using var kept = Collection();
        using var deleted = Collection();
        await kept.EnsureCollectionExistsAsync(Ct);
        await deleted.EnsureCollectionExistsAsync(Ct);

        (await Store.ListCollectionNamesAsync(Ct).ToListAsync(Ct)).ShouldContain(deleted.Name);
        await Store.EnsureCollectionDeletedAsync(deleted.Name, Ct);

        var names = await Store.ListCollectionNamesAsync(Ct).ToListAsync(Ct);
        names.ShouldContain(kept.Name);
        names.ShouldNotContain(deleted.Name);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Collection_EnsureDeleted_RemovesIt_AndItsRecords()
    {
        using var collection = await SeededCollectionAsync();

        await collection.EnsureCollectionDeletedAsync(Ct);
        (await collection.CollectionExistsAsync(Ct)).ShouldBeFalse();
        (await Store.CollectionExistsAsync(collection.Name, Ct)).ShouldBeFalse();

        await collection.EnsureCollectionExistsAsync(Ct);
        (await collection.GetAsync(Key(1), cancellationToken: Ct)).ShouldBeNull("a recreated collection starts empty");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Collection_EnsureDeleted_Missing_IsNoOp()
    {
        using var collection = Collection();

        await collection.EnsureCollectionDeletedAsync(Ct);
        await Store.EnsureCollectionDeletedAsync(collection.Name, Ct);

        (await collection.CollectionExistsAsync(Ct)).ShouldBeFalse();
    }

    // ---------------------------------------------------------------- CRUD

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Upsert_ThenGet_RoundTripsEveryField()
    {
        SkipUnless(SupportsIncludeVectors, "IncludeVectors");
        using var collection = await SeededCollectionAsync();
        var expected = SeedRecords()[2];

        var record = await collection.GetAsync(expected.Key, new RecordRetrievalOptions { IncludeVectors = true }, Ct);

        record.ShouldNotBeNull();
        ShouldMatch(record, expected, vectors: true);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Get_WithoutIncludeVectors_ReturnsTheData_WithoutTheVector()
    {
        using var collection = await SeededCollectionAsync();
        var expected = SeedRecords()[4];

        var record = await collection.GetAsync(expected.Key, cancellationToken: Ct);

        record.ShouldNotBeNull();
        ShouldMatch(record, expected, vectors: false);
        record.Embedding.Length.ShouldBe(0, "vectors are returned only when IncludeVectors is set");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Get_MissingKey_ReturnsNull()
    {
        using var collection = await SeededCollectionAsync();

        (await collection.GetAsync(Key(999), cancellationToken: Ct)).ShouldBeNull();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task GetMany_SomeMissing_ReturnsOnlyTheExistingOnes()
    {
        using var collection = await SeededCollectionAsync();

        var records = await collection.GetAsync([Key(1), Key(998), Key(3), Key(999), Key(8)], cancellationToken: Ct).ToListAsync(Ct);

        records.Select(r => r.Key).ShouldBe([Key(1), Key(3), Key(8)], ignoreOrder: true);
        records.Single(r => Equals(r.Key, Key(8))).Title.ShouldBe("Hotel");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Upsert_SameKey_Overwrites()
    {
        using var collection = await SeededCollectionAsync();
        var changed = SeedRecords()[1];
        changed.Title = "Bravo (second edition)";
        changed.Rating = 1;
        changed.Tags = ["reprint"];
        changed.Embedding = SeedVectors[7];

        await collection.UpsertAsync(changed, Ct);

        var record = await collection.GetAsync(changed.Key, new RecordRetrievalOptions { IncludeVectors = SupportsIncludeVectors }, Ct);
        record.ShouldNotBeNull();
        ShouldMatch(record, changed, vectors: SupportsIncludeVectors);
        (await collection.GetAsync(SeedRecords().Select(r => r.Key), cancellationToken: Ct).CountAsync(Ct)).ShouldBe(SeedCount, "an overwrite adds no record");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Delete_RemovesTheRecord_AndAMissingKeyIsANoOp()
    {
        using var collection = await SeededCollectionAsync();

        await collection.DeleteAsync(Key(2), Ct);
        await collection.DeleteAsync(Key(999), Ct);

        (await collection.GetAsync(Key(2), cancellationToken: Ct)).ShouldBeNull();
        (await collection.GetAsync(Key(1), cancellationToken: Ct)).ShouldNotBeNull();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task DeleteMany_RemovesOnlyThoseKeys()
    {
        using var collection = await SeededCollectionAsync();

        await collection.DeleteAsync([Key(1), Key(4), Key(999)], Ct);

        var left = await collection.GetAsync(SeedRecords().Select(r => r.Key), cancellationToken: Ct).Select(r => r.Key).ToListAsync(Ct);
        left.ShouldBe([Key(2), Key(3), Key(5), Key(6), Key(7), Key(8)], ignoreOrder: true);
    }

    // ---------------------------------------------------------------- batches over the vendor limit

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Upsert_OverTheVendorBatchLimit_IsSplit_AndEveryRecordIsRetrievable()
    {
        using var collection = Collection();
        await collection.EnsureCollectionExistsAsync(Ct);
        var count = OversizeBatchCount;
        var records = Enumerable.Range(1, count).Select(i => new ConformanceRecord<TKey>
        {
            Key = Key(i),
            Title = "Batch " + i.ToString(CultureInfo.InvariantCulture),
            Category = "batch",
            Rating = i % 6,
            InStock = i % 2 == 0,
            Tags = ["batch"],
            Embedding = BatchVector(i),
        }).ToList();

        await collection.UpsertAsync(records, Ct);

        var keys = records.Select(r => r.Key).ToList();
        var fetched = await collection.GetAsync(keys, cancellationToken: Ct).ToListAsync(Ct);
        fetched.Count.ShouldBe(count);
        fetched.Select(r => r.Key).Distinct().Count().ShouldBe(count);
        var last = fetched.Single(r => Equals(r.Key, Key(count)));
        last.Title.ShouldBe("Batch " + count.ToString(CultureInfo.InvariantCulture));

        var nearest = await collection.SearchAsync(BatchVector(count), 1, cancellationToken: Ct).ToListAsync(Ct);
        nearest.ShouldHaveSingleItem().Record.Key.ShouldBe(Key(count));

        await collection.DeleteAsync(keys, Ct);
        (await collection.GetAsync(keys, cancellationToken: Ct).CountAsync(Ct)).ShouldBe(0, "a delete over the limit is split too");
    }

    // ---------------------------------------------------------------- search

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Search_EmptyCollection_ReturnsNothing()
    {
        using var collection = Collection();
        await collection.EnsureCollectionExistsAsync(Ct);

        (await collection.SearchAsync(SeedVectors[0], 5, cancellationToken: Ct).ToListAsync(Ct)).ShouldBeEmpty();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Search_NearestFirst_WithScoresAsTheDistanceFunctionDefines()
    {
        using var collection = await SeededCollectionAsync();
        var query = SeedVectors[0];

        var results = await collection.SearchAsync(query, SeedCount, cancellationToken: Ct).ToListAsync(Ct);

        results.Select(r => r.Record.Key).ShouldBe(SeedRecords().Select(r => r.Key), "nearest first: the seeds are ordered by their distance to the query");
        var scores = results.Select(r => r.Score.ShouldNotBeNull("every result has a score")).ToList();
        scores.ShouldBeInOrder(HigherScoreIsBetter ? SortDirection.Descending : SortDirection.Ascending, $"{DistanceFunction}: {(HigherScoreIsBetter ? "higher" : "lower")} is nearer");
        for (var i = 0; i < SeedCount; i++)
        {
            var expected = ExpectedScore(query.ToArray(), SeedVectors[i].ToArray());
            if (expected is { } value)
            {
                scores[i].ShouldBe(value, ScoreTolerance, $"the score of {results[i].Record} under {DistanceFunction}");
            }
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Search_Top_LimitsTheResults_ToTheNearest()
    {
        using var collection = await SeededCollectionAsync();

        var results = await collection.SearchAsync(SeedVectors[0], 3, cancellationToken: Ct).ToListAsync(Ct);

        results.Select(r => r.Record.Key).ShouldBe([Key(1), Key(2), Key(3)]);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Search_Skip_SkipsTheNearest()
    {
        SkipUnless(SupportsSkip, "Skip");
        using var collection = await SeededCollectionAsync();

        var results = await collection.SearchAsync(SeedVectors[0], 2, new VectorSearchOptions<ConformanceRecord<TKey>> { Skip = 2 }, Ct).ToListAsync(Ct);

        results.Select(r => r.Record.Key).ShouldBe([Key(3), Key(4)]);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Search_IncludeVectors_ReturnsThem_AndTheDefaultLeavesThemOut()
    {
        SkipUnless(SupportsIncludeVectors, "IncludeVectors");
        using var collection = await SeededCollectionAsync();

        var with = await collection.SearchAsync(SeedVectors[0], 2, new VectorSearchOptions<ConformanceRecord<TKey>> { IncludeVectors = true }, Ct).ToListAsync(Ct);
        var without = await collection.SearchAsync(SeedVectors[0], 2, cancellationToken: Ct).ToListAsync(Ct);

        ShouldMatch(with[0].Record, SeedRecords()[0], vectors: true);
        ShouldMatch(with[1].Record, SeedRecords()[1], vectors: true);
        without.ShouldAllBe(r => r.Record.Embedding.Length == 0);
        ShouldMatch(without[1].Record, SeedRecords()[1], vectors: false);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Search_DimensionMismatch_IsATypedError_NamingBothDimensions()
    {
        using var collection = await SeededCollectionAsync();
        var query = new float[WrongDimensions];
        query[0] = 1;

        var ex = await Should.ThrowAsync<Exception>(async () => await collection.SearchAsync(new ReadOnlyMemory<float>(query), 3, cancellationToken: Ct).ToListAsync(Ct));

        ShouldBeDimensionMismatch(ex);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Upsert_DimensionMismatch_IsATypedError_NamingBothDimensions()
    {
        using var collection = Collection();
        await collection.EnsureCollectionExistsAsync(Ct);
        var record = SeedRecords()[0];
        record.Embedding = new float[WrongDimensions];

        var ex = await Should.ThrowAsync<Exception>(() => collection.UpsertAsync(record, Ct));

        ShouldBeDimensionMismatch(ex);
        (await collection.GetAsync(record.Key, cancellationToken: Ct)).ShouldBeNull("a rejected record is not stored");
    }

    // ---------------------------------------------------------------- filters (the MEVD LINQ subset)

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_Equal() => AssertFilterAsync(r => r.Rating == 3);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_Equal_CapturedVariable()
    {
        var category = "music";
        return AssertFilterAsync(r => r.Category == category);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_NotEqual() => AssertFilterAsync(r => r.Rating != 3);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_LessThan() => AssertFilterAsync(r => r.Rating < 3);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_LessThanOrEqual() => AssertFilterAsync(r => r.Rating <= 3);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_GreaterThan() => AssertFilterAsync(r => r.Rating > 3);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_GreaterThanOrEqual() => AssertFilterAsync(r => r.Rating >= 3);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_Bool() => AssertFilterAsync(r => r.InStock);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_And() => AssertFilterAsync(r => r.Category == "books" && r.Rating >= 5);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_Or() => AssertFilterAsync(r => r.Category == "toys" || r.Rating == 5);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_AndOr_Nested() => AssertFilterAsync(r => (r.Category == "music" || r.Category == "games") && r.InStock == true);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_ArrayContainsField_IsIn()
    {
        string[] categories = ["books", "toys"];
        return AssertFilterAsync(r => categories.Contains(r.Category));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Filter_ListFieldContains() => AssertFilterAsync(r => r.Tags.Contains("sale"));

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Filter_UnsupportedMethod_IsNotSupported_NamingTheMethod()
    {
        using var collection = await SeededCollectionAsync();
        var options = new VectorSearchOptions<ConformanceRecord<TKey>> { Filter = r => r.Title.Trim() == "Alpha" };

        var ex = await Should.ThrowAsync<NotSupportedException>(async () => await collection.SearchAsync(SeedVectors[0], 3, options, Ct).ToListAsync(Ct));

        ex.Message.ShouldContain("Trim");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Filter_UnsupportedOperator_IsNotSupported_NamingTheOperator()
    {
        using var collection = await SeededCollectionAsync();
        var options = new VectorSearchOptions<ConformanceRecord<TKey>> { Filter = r => r.Rating % 2 == 0 };

        var ex = await Should.ThrowAsync<NotSupportedException>(async () => await collection.SearchAsync(SeedVectors[0], 3, options, Ct).ToListAsync(Ct));

        ex.Message.ShouldContain("Modulo");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Filter_OnANonIndexedField_IsRejected_NamingTheField()
    {
        if (!RejectsFilterOnNonIndexedField)
        {
            await AssertFilterAsync(r => r.Notes == "first");
            return;
        }

        using var collection = await SeededCollectionAsync();
        var options = new VectorSearchOptions<ConformanceRecord<TKey>> { Filter = r => r.Notes == "first" };

        var ex = await Should.ThrowAsync<Exception>(async () => await collection.SearchAsync(SeedVectors[0], 3, options, Ct).ToListAsync(Ct));

        (ex is NotSupportedException or InvalidOperationException or ArgumentException or VectorStoreException).ShouldBeTrue($"the rejection is typed, not {ex.GetType().Name}");
        Messages(ex).ShouldContain(nameof(ConformanceRecord<TKey>.Notes));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task GetFiltered_ReturnsTheMatchingRecords_UpToTop()
    {
        SkipUnless(SupportsFilteredGet, "filtered get");
        using var collection = await SeededCollectionAsync();

        var all = await collection.GetAsync(r => r.Rating >= 3, SeedCount, cancellationToken: Ct).ToListAsync(Ct);
        var two = await collection.GetAsync(r => r.Rating >= 3, 2, cancellationToken: Ct).ToListAsync(Ct);

        all.Select(r => r.Key).ShouldBe(SeedRecords().Where(r => r.Rating >= 3).Select(r => r.Key), ignoreOrder: true);
        two.Count.ShouldBe(2);
        two.ShouldAllBe(r => r.Rating >= 3);
    }

    // ---------------------------------------------------------------- bad input

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task MissingCollection_UpsertGetAndSearch_AreTypedErrors_NotEmptyResults()
    {
        using var collection = Collection();

        await ShouldBeMissingCollectionAsync(collection.Name, () => collection.UpsertAsync(SeedRecords()[0], Ct));
        await ShouldBeMissingCollectionAsync(collection.Name, () => collection.GetAsync(Key(1), cancellationToken: Ct));
        await ShouldBeMissingCollectionAsync(collection.Name, async () => await collection.SearchAsync(SeedVectors[0], 3, cancellationToken: Ct).ToListAsync(Ct));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Upsert_MissingOrEmptyKey_IsArgumentException()
    {
        var invalid = InvalidKeys.ToList();
        SkipUnless(invalid.Count > 0, $"invalid {typeof(TKey).Name} keys");
        using var collection = Collection();
        await collection.EnsureCollectionExistsAsync(Ct);

        foreach (var key in invalid)
        {
            var record = SeedRecords()[0];
            record.Key = key!;
            await Should.ThrowAsync<ArgumentException>(() => collection.UpsertAsync(record, Ct), $"key {(key is null ? "null" : $"'{key}'")}");
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task UpsertBatch_WithOneInvalidKey_IsArgumentException_AndWritesNothing()
    {
        var invalid = InvalidKeys.ToList();
        SkipUnless(invalid.Count > 0, $"invalid {typeof(TKey).Name} keys");
        using var collection = Collection();
        await collection.EnsureCollectionExistsAsync(Ct);
        var records = SeedRecords();
        records[3].Key = invalid[^1]!;

        await Should.ThrowAsync<ArgumentException>(() => collection.UpsertAsync(records, Ct));

        (await collection.GetAsync(Key(1), cancellationToken: Ct)).ShouldBeNull("the batch is validated before anything is written");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_PreCancelledToken_ThrowsOperationCanceled_NotWrapped()
    {
        using var collection = await SeededCollectionAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await ShouldBeCanceledAsync(() => collection.EnsureCollectionExistsAsync(cts.Token));
        await ShouldBeCanceledAsync(() => collection.UpsertAsync(SeedRecords()[0], cts.Token));
        await ShouldBeCanceledAsync(() => collection.UpsertAsync(SeedRecords(), cts.Token));
        await ShouldBeCanceledAsync(() => collection.GetAsync(Key(1), cancellationToken: cts.Token));
        await ShouldBeCanceledAsync(async () => await collection.GetAsync([Key(1), Key(2)], cancellationToken: cts.Token).ToListAsync(CancellationToken.None));
        await ShouldBeCanceledAsync(async () => await collection.SearchAsync(SeedVectors[0], 3, cancellationToken: cts.Token).ToListAsync(CancellationToken.None));
        await ShouldBeCanceledAsync(() => collection.DeleteAsync(Key(1), cts.Token));
        await ShouldBeCanceledAsync(() => Store.CollectionExistsAsync(collection.Name, cts.Token));

        (await collection.GetAsync(Key(1), cancellationToken: Ct)).ShouldNotBeNull("a cancelled delete deletes nothing");
    }

    // ---------------------------------------------------------------- dynamic records and metadata

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Dynamic_UpsertGetAndSearch_WithDictionaryRecords()
    {
        SkipUnless(SupportsDynamicCollection, "dynamic (Dictionary<string, object?>) collections");
        RequireNoGap();
        var name = NewTrackedName();
        using var collection = Store.GetDynamicCollection(name, CreateDefinition());
        await collection.EnsureCollectionExistsAsync(Ct);
        var records = SeedRecords().Select(ToDictionary).ToList();

        await collection.UpsertAsync(records, Ct);

        var got = await collection.GetAsync((object)Key(3), new RecordRetrievalOptions { IncludeVectors = SupportsIncludeVectors }, Ct);
        got.ShouldNotBeNull();
        got["Key"].ShouldBe(Key(3));
        got["Title"].ShouldBe("Charlie");
        Convert.ToInt32(got["Rating"], CultureInfo.InvariantCulture).ShouldBe(3);
        if (SupportsIncludeVectors)
        {
            got["Embedding"].ShouldBeOfType<ReadOnlyMemory<float>>().ToArray().ShouldBe(SeedVectors[2].ToArray(), 1e-5);
        }

        var nearest = await collection.SearchAsync(SeedVectors[1], 2, cancellationToken: Ct).ToListAsync(Ct);
        nearest.Select(r => r.Record["Key"]).ShouldBe([Key(2), Key(1)]);

        var filtered = await collection.SearchAsync(SeedVectors[0], SeedCount, new VectorSearchOptions<Dictionary<string, object?>> { Filter = r => (string)r["Category"]! == "games" }, Ct).ToListAsync(Ct);
        filtered.Select(r => r.Record["Key"]).ShouldBe([Key(5), Key(6)], ignoreOrder: true);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public Task Metadata_NamesTheSystem_AndTheCollection()
    {
        using var collection = Collection();

        var store = Store.GetService(typeof(VectorStoreMetadata)).ShouldBeOfType<VectorStoreMetadata>();
        var metadata = collection.GetService(typeof(VectorStoreCollectionMetadata)).ShouldBeOfType<VectorStoreCollectionMetadata>();

        store.VectorStoreSystemName.ShouldBe(ExpectedSystemName);
        metadata.VectorStoreSystemName.ShouldBe(ExpectedSystemName);
        metadata.CollectionName.ShouldBe(collection.Name);
        return Task.CompletedTask;
    }

    // ---------------------------------------------------------------- what a subclass supplies or may change

    /// <summary>Creates a fresh store for one test (disposed after it).</summary>
    /// <param name="cancellationToken">The test's token.</param>
    /// <returns>The store.</returns>
    protected abstract ValueTask<VectorStore> CreateStoreAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates a new collection name, unique per call: lower-case letters and digits only (valid for Pinecone index names).
    /// A store with other rules (Weaviate classes start with a capital letter) overrides it.
    /// </summary>
    /// <returns>The name.</returns>
    protected virtual string NewCollectionName() =>
        string.Create(CultureInfo.InvariantCulture, $"conf{Guid.NewGuid():N}")[..16] + Interlocked.Increment(ref _collectionCounter).ToString(CultureInfo.InvariantCulture);

    /// <summary>Creates the key for seed or batch record <paramref name="index"/> (1-based; distinct per index). Handles string, Guid, int, long and ulong.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The key.</returns>
    protected virtual TKey Key(int index)
    {
        object key = typeof(TKey) switch
        {
            var t when t == typeof(string) => "k" + index.ToString(CultureInfo.InvariantCulture),
            var t when t == typeof(Guid) => new Guid(index, 0x1d2e, 0x4f3a, 0x9b, 0x8c, 0x7d, 0x6e, 0x5f, 0x40, 0x31, 0x22),
            var t when t == typeof(int) => index,
            var t when t == typeof(long) => (long)index,
            var t when t == typeof(ulong) => (ulong)index,
            _ => throw new NotSupportedException($"Override Key(int) for {typeof(TKey).Name} keys."),
        };
        return (TKey)key;
    }

    /// <summary>Creates the collection definition (a store may override it to set storage names or provider annotations).</summary>
    /// <returns>The definition.</returns>
    protected virtual VectorStoreCollectionDefinition CreateDefinition() => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty(nameof(ConformanceRecord<TKey>.Key), typeof(TKey)),
            new VectorStoreDataProperty(nameof(ConformanceRecord<TKey>.Title), typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(ConformanceRecord<TKey>.Category), typeof(string)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(ConformanceRecord<TKey>.Rating), typeof(int)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(ConformanceRecord<TKey>.InStock), typeof(bool)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(ConformanceRecord<TKey>.Tags), typeof(string[])) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(ConformanceRecord<TKey>.Notes), typeof(string)) { IsIndexed = false },
            new VectorStoreVectorProperty(nameof(ConformanceRecord<TKey>.Embedding), typeof(ReadOnlyMemory<float>), Dimensions)
            {
                DistanceFunction = DistanceFunction,
                IndexKind = IndexKind,
            },
        ],
    };

    /// <summary>Gets a value indicating whether a higher score is nearer under <see cref="DistanceFunction"/> (the similarities) or a lower one (the distances).</summary>
    protected virtual bool HigherScoreIsBetter =>
        DistanceFunction is Microsoft.Extensions.VectorData.DistanceFunction.CosineSimilarity or Microsoft.Extensions.VectorData.DistanceFunction.DotProductSimilarity;

    /// <summary>
    /// Computes the score MEVD defines for <see cref="DistanceFunction"/> between the query and a stored vector, or
    /// <see langword="null"/> to check only the order (for a function the suite does not know).
    /// </summary>
    /// <param name="query">The query vector.</param>
    /// <param name="stored">The stored vector.</param>
    /// <returns>The expected score.</returns>
    protected virtual double? ExpectedScore(float[] query, float[] stored)
    {
        double dot = 0, qq = 0, ss = 0, squared = 0;
        for (var i = 0; i < query.Length; i++)
        {
            dot += (double)query[i] * stored[i];
            qq += (double)query[i] * query[i];
            ss += (double)stored[i] * stored[i];
            squared += ((double)query[i] - stored[i]) * ((double)query[i] - stored[i]);
        }

        var cosine = dot / (Math.Sqrt(qq) * Math.Sqrt(ss));
        return DistanceFunction switch
        {
            Microsoft.Extensions.VectorData.DistanceFunction.CosineSimilarity => cosine,
            Microsoft.Extensions.VectorData.DistanceFunction.CosineDistance => 1 - cosine,
            Microsoft.Extensions.VectorData.DistanceFunction.DotProductSimilarity => dot,
            Microsoft.Extensions.VectorData.DistanceFunction.NegativeDotProductSimilarity => -dot,
            Microsoft.Extensions.VectorData.DistanceFunction.EuclideanDistance => Math.Sqrt(squared),
            Microsoft.Extensions.VectorData.DistanceFunction.EuclideanSquaredDistance => squared,
            _ => null,
        };
    }

    /// <summary>
    /// Asserts that <paramref name="operation"/> on the missing collection <paramref name="collectionName"/> fails with a typed
    /// error that names it: a <see cref="VectorStoreException"/> (MEVD's) or an <see cref="AssistantProviderException"/>. A store
    /// that documents another behaviour overrides this; an empty result is never acceptable.
    /// </summary>
    /// <param name="collectionName">The missing collection.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>A task.</returns>
    protected virtual async Task ShouldBeMissingCollectionAsync(string collectionName, Func<Task> operation)
    {
        var ex = await Should.ThrowAsync<Exception>(operation, $"an operation on the missing collection '{collectionName}' must fail, not look empty");
        (ex is VectorStoreException or AssistantProviderException).ShouldBeTrue($"the error is typed, not {ex.GetType().Name}: {Messages(ex)}");
        var named = (ex as VectorStoreException)?.CollectionName == collectionName || Messages(ex).Contains(collectionName, StringComparison.Ordinal);
        named.ShouldBeTrue($"the error names the collection '{collectionName}': {Messages(ex)}");
    }

    /// <summary>Gets the cancellation token of the current test.</summary>
    protected CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Creates the eight seed records (fresh instances on each call), ordered by their distance to seed vector 0.</summary>
    /// <returns>The records.</returns>
    protected List<ConformanceRecord<TKey>> SeedRecords() =>
    [
        Seed(1, "Alpha", "books", 5, true, ["new", "sale"], "first"),
        Seed(2, "Bravo", "books", 4, false, ["sale"], null),
        Seed(3, "Charlie", "music", 3, true, ["new"], "third"),
        Seed(4, "Delta", "music", 2, false, [], null),
        Seed(5, "Echo", "games", 1, true, ["used", "sale"], "fifth"),
        Seed(6, "Foxtrot", "games", 3, false, ["used"], null),
        Seed(7, "Golf", "toys", 4, true, ["new"], "seventh"),
        Seed(8, "Hotel", "toys", 2, false, ["clearance"], null),
    ];

    /// <summary>Gets a new collection of the conformance records (tracked for deletion), skipping the calling test if it is a known gap.</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The collection (not yet created in the store).</returns>
    protected VectorStoreCollection<TKey, ConformanceRecord<TKey>> Collection([CallerMemberName] string test = "")
    {
        RequireNoGap(test);
        return Store.GetCollection<TKey, ConformanceRecord<TKey>>(NewTrackedName(), CreateDefinition());
    }

    /// <summary>Gets a new collection, creates it and upserts the seed records.</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The collection.</returns>
    protected async Task<VectorStoreCollection<TKey, ConformanceRecord<TKey>>> SeededCollectionAsync([CallerMemberName] string test = "")
    {
        var collection = Collection(test);
        await collection.EnsureCollectionExistsAsync(Ct);
        await collection.UpsertAsync(SeedRecords(), Ct);
        return collection;
    }

    /// <summary>Asserts that a filtered search returns exactly the seed records the same predicate selects in memory.</summary>
    /// <param name="filter">The filter.</param>
    /// <param name="test">The calling test.</param>
    /// <returns>A task.</returns>
    protected async Task AssertFilterAsync(Expression<Func<ConformanceRecord<TKey>, bool>> filter, [CallerMemberName] string test = "")
    {
        using var collection = await SeededCollectionAsync(test);
        var expected = SeedRecords().Where(filter.Compile()).Select(r => r.Key).ToList();
        expected.ShouldNotBeEmpty("the seeds must exercise the filter");
        expected.Count.ShouldBeLessThan(SeedCount, "the seeds must exercise the filter");

        var results = await collection.SearchAsync(SeedVectors[0], SeedCount, new VectorSearchOptions<ConformanceRecord<TKey>> { Filter = filter }, Ct).ToListAsync(Ct);

        results.Select(r => r.Record.Key).ShouldBe(expected, ignoreOrder: true, $"filter {filter}");
        results.Select(r => r.Record.Key).ShouldBe(expected.OrderBy(k => SeedRecords().FindIndex(r => Equals(r.Key, k))), $"filtered results keep the nearest-first order ({filter})");
    }

    /// <summary>Skips the calling test when <paramref name="supported"/> is false.</summary>
    /// <param name="supported">Whether the capability is supported.</param>
    /// <param name="capability">What it is.</param>
    protected void SkipUnless(bool supported, string capability)
    {
        if (!supported)
        {
            Assert.Skip($"{ProviderId} does not support {capability}.");
        }
    }

    /// <summary>Skips the calling test when it is listed in <see cref="KnownGaps"/>.</summary>
    /// <param name="test">The calling test.</param>
    protected void RequireNoGap([CallerMemberName] string test = "")
    {
        if (KnownGaps.TryGetValue(test, out var gap) || KnownGaps.TryGetValue("*", out gap))
        {
            Assert.Skip($"Known gap for {ProviderId}: {gap}");
        }
    }

    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return values.Select(v => v / norm).ToArray();
    }

    private static ReadOnlyMemory<float> BatchVector(int i)
    {
        // Distinct unit vectors spread over the first two axes (and a third, so neighbours are not colinear).
        var angle = i * 2 * Math.PI / 4096;
        return Unit((float)Math.Cos(angle), (float)Math.Sin(angle), (i % 7) / 70f, 0, 0, 0, 0, 0);
    }

    private static string Messages(Exception ex)
    {
        var text = new StringBuilder();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            text.Append(e.Message).Append(" | ");
        }

        return text.ToString();
    }

    private static void ShouldBeDimensionMismatch(Exception ex)
    {
        var messages = Messages(ex);
        (ex is ArgumentException or VectorStoreException or AssistantProviderException).ShouldBeTrue($"a dimension mismatch is a typed error, not {ex.GetType().Name}: {messages}");
        Regex.IsMatch(messages, $@"\b{Dimensions}\b").ShouldBeTrue($"the error names the collection's dimension {Dimensions}: {messages}");
        Regex.IsMatch(messages, $@"\b{WrongDimensions}\b").ShouldBeTrue($"the error names the vector's dimension {WrongDimensions}: {messages}");
    }

    private static async Task ShouldBeCanceledAsync(Func<Task> operation)
    {
        var ex = await Should.ThrowAsync<OperationCanceledException>(operation);
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    private static void ShouldMatch(ConformanceRecord<TKey> actual, ConformanceRecord<TKey> expected, bool vectors)
    {
        actual.Key.ShouldBe(expected.Key);
        actual.Title.ShouldBe(expected.Title);
        actual.Category.ShouldBe(expected.Category);
        actual.Rating.ShouldBe(expected.Rating);
        actual.InStock.ShouldBe(expected.InStock);
        actual.Tags.ShouldBe(expected.Tags);
        actual.Notes.ShouldBe(expected.Notes);
        if (vectors)
        {
            actual.Embedding.ToArray().ShouldBe(expected.Embedding.ToArray(), 1e-5);
        }
    }

    private ConformanceRecord<TKey> Seed(int index, string title, string category, int rating, bool inStock, string[] tags, string? notes) => new()
    {
        Key = Key(index),
        Title = title,
        Category = category,
        Rating = rating,
        InStock = inStock,
        Tags = tags,
        Notes = notes,
        Embedding = SeedVectors[index - 1],
    };

    private Dictionary<string, object?> ToDictionary(ConformanceRecord<TKey> record) => new()
    {
        ["Key"] = record.Key,
        ["Title"] = record.Title,
        ["Category"] = record.Category,
        ["Rating"] = record.Rating,
        ["InStock"] = record.InStock,
        ["Tags"] = record.Tags,
        ["Notes"] = record.Notes,
        ["Embedding"] = record.Embedding,
    };

    private string NewTrackedName()
    {
        var name = NewCollectionName();
        _collections.Add(name);
        return name;
    }
}
