// SPDX-License-Identifier: GPL-3.0-or-later
// Finding items in a panel's tree for the QML tests.
.pragma library

// Every item under `root` (depth first, root included) for which `predicate(item)` is true.
function findAll(root, predicate) {
    const found = []
    const visit = item => {
        if (!item)
            return
        if (predicate(item))
            found.push(item)
        const children = item.children || []
        for (let i = 0; i < children.length; ++i)
            visit(children[i])
        if (item.contentItem && Array.prototype.indexOf.call(children, item.contentItem) < 0)
            visit(item.contentItem)
    }
    visit(root)
    return found
}

function findFirst(root, predicate) {
    const all = findAll(root, predicate)
    return all.length > 0 ? all[0] : null
}

// A button (or any control with `text`) showing exactly `text`.
function button(root, text) {
    return findFirst(root, item => item.text === text && item.clicked !== undefined)
}
