# The hand-checked vectors of ../shared/testdata must print exactly.
$ gnbv classify --units "$GNBV_SHARED/testdata/units.csv" --households "$GNBV_SHARED/testdata/households.csv"
? 0
--- stdout< $GNBV_SHARED/testdata/expected_classify.csv
