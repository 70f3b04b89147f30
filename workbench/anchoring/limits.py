"""The re-anchoring rules' limits, in one place (workbench/anchoring/reanchor.py and the modules
it calls). Similarities are 0-100; lengths are characters or words of the quote."""

# A quote at least this long (characters and words) is unlikely to recur by chance, so an exact
# occurrence of it may be trusted without its context ("moved"). Shorter quotes need context.
DISTINCT_CHARS = 30
DISTINCT_WORDS = 5
# Stock sentences ("The ministry did not respond to a request for comment.") are shorter than
# this; only a quote at least this long is trusted in an entirely new context.
LONG_CHARS = 60
LONG_WORDS = 10
EDITED_IN_PLACE = 65.0  # least similarity for a passage between both untouched sides of context
EDITED_WITH_CONTEXT = 75.0  # least similarity for an edited passage whose context is kept
EDITED_HALF_CONTEXT = 90.0  # ... whose context is kept on one side only
EDITED_OWN_SIDE = 80.0  # ... on one side only, but there with the quote's own sentence
RANK_MARGIN = 8.0  # a runner-up this close to the best makes the choice ambiguous
POSITION_RATIO = 0.5  # position breaks a tie only if the nearest is at most half as far ...
POSITION_GAP = 64  # ... and nearer by this many characters at least
OWN_SIDE_WORDS = 3  # own-sentence words on one side that, standing with their context, identify a place
NEAR_CHARS = 500  # a quote whose context words were reworded is trusted only this near its old offset
LONG_OWN_SIDE = 5  # own-sentence words on one side that, standing, vouch for a sentence boundary
CLOSE_CORRECTION = 0.35  # a corrected figure at most this far from the old one, relatively, is "near"
FAR_CHARS = 1000  # beyond max(this, a fifth of the text) from the old offset, a quote has moved
