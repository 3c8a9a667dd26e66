// SPDX-License-Identifier: GPL-3.0-or-later
#include "classify/text_token.h"

namespace ths {

bool TextToken::endsSentence() const
{
    if (kind != Kind::Break)
        return false;
    for (QChar c : text)
        if (c == u'.' || c == u'!' || c == u'?' || c == u'\n' || c == u'…')
            return true;
    return false;
}

} // namespace ths
