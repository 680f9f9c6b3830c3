-- Headless Neovim test of editors/nvim: diagnostics, hover and a quick fix from the real clio-ls.
local dir = assert(os.getenv('CLIO_TEST_DIR'), 'CLIO_TEST_DIR not set')
local failures = {}
local function check(ok, what)
  if ok then
    io.stdout:write('ok   ' .. what .. '\n')
  else
    io.stdout:write('FAIL ' .. what .. '\n')
    table.insert(failures, what)
  end
end
local function finish()
  if #failures > 0 then
    io.stdout:write(#failures .. ' check(s) failed\n')
    vim.cmd('cquit 1')
  end
  io.stdout:write('all Neovim checks passed\n')
  vim.cmd('qall!')
end

vim.lsp.enable('clio')
vim.cmd('edit ' .. dir .. '/essay.md')
local buf = vim.api.nvim_get_current_buf()

-- 1. The server attaches and publishes a dubious-date finding on the right line.
local function date_diags()
  return vim.tbl_filter(function(d) return d.code == 'dubious-date' end, vim.diagnostic.get(buf))
end
vim.wait(20000, function() return #date_diags() > 0 end, 100)
local diags = date_diags()
check(#vim.lsp.get_clients({ bufnr = buf, name = 'clio' }) == 1, 'clio-ls attached to the markdown buffer')
check(#diags == 1, 'one dubious-date diagnostic (got ' .. #diags .. ')')
local d = diags[1] or {}
check(d.lnum == 2, 'diagnostic on line 3 (lnum 2), got ' .. tostring(d.lnum))
check(d.source == 'clio', 'diagnostic source is clio')
local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
check(d.col and line:sub(d.col + 1, d.end_col) == '1931', 'diagnostic covers 1931')

-- 2. Hover over Kirov returns the card.
local client = vim.lsp.get_clients({ bufnr = buf, name = 'clio' })[1]
local kirov_col = line:find('Kirov') - 1
local res = client:request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 2, character = kirov_col + 1 },
}, 5000, buf)
local hover = res and res.result and res.result.contents and res.result.contents.value or ''
check(hover:find('Sergei Kirov', 1, true) ~= nil, 'hover shows the Kirov card')
check(hover:find('1934', 1, true) ~= nil, 'hover card gives 1934')

-- 3. The quick fix, through the standard code-action request, rewrites 1931 as 1934.
local actions = client:request_sync('textDocument/codeAction', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum or 0, character = d.col or 0 }, ['end'] = { line = d.end_lnum or 0, character = d.end_col or 0 } },
  context = { diagnostics = {}, only = { 'quickfix' } },
}, 5000, buf)
local fix
for _, a in ipairs(actions and actions.result or {}) do
  if a.edit and a.title:find('1934', 1, true) then fix = a end
end
check(fix ~= nil, 'a quick fix offers 1934')
if fix then
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
end
local fixed = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
check(fixed == 'Kirov was murdered in 1934.', 'buffer after the fix: ' .. tostring(fixed))

-- 4. After the edit the finding goes away.
vim.wait(10000, function() return #date_diags() == 0 end, 100)
check(#date_diags() == 0, 'dubious-date cleared after the fix')

finish()
