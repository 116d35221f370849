// Package docs holds stancekit's documentation that is not Go doc: the
// annotation guide (labels.md) and the evaluation report of the default
// model (test-report.html). Its test checks that the repository's
// documents only link to what a clone of it has.
package docs
