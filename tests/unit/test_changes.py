from desktop.core.changes import NOTHING, Changes, Kind


def test_updated_rows_keep_their_ids():
    c = Changes.updated(Kind.PERSON, [3, 4])
    assert c.touches(Kind.PERSON) and not c.touches(Kind.FAMILY)
    assert c.ids(Kind.PERSON) == {3, 4}
    assert c.ids(Kind.FAMILY) == frozenset()


def test_added_or_removed_rows_ask_for_a_new_id_list():
    assert Changes.reshaped(Kind.PERSON, [3]).ids(Kind.PERSON) is None
    assert Changes.of(Kind.PPKS).ids(Kind.PPKS) is None


def test_merging_keeps_the_wider_reach():
    c = Changes.updated(Kind.PERSON, [1]) | Changes.updated(Kind.PERSON, [2]) | Changes.updated(Kind.FAMILY, [9])
    assert c.ids(Kind.PERSON) == {1, 2} and c.ids(Kind.FAMILY) == {9}
    assert (c | Changes.reshaped(Kind.PERSON, [5])).ids(Kind.PERSON) is None
    assert (Changes.updated(Kind.EVENT) | Changes.updated(Kind.EVENT, [1])).ids(Kind.EVENT) is None


def test_nothing_is_falsy_and_everything_touches_every_kind():
    assert not NOTHING and Changes.everything()
    assert all(Changes.everything().touches(k) for k in Kind)


def test_named_ids_include_added_and_removed_rows():
    assert Changes.reshaped(Kind.PERSON, [7]).named(Kind.PERSON) == {7}
    assert Changes.updated(Kind.PERSON, [8]).named(Kind.PERSON) == {8}
    assert Changes.of(Kind.PERSON).named(Kind.PERSON) is None
    assert Changes.of(Kind.PERSON).named(Kind.FAMILY) == frozenset()
